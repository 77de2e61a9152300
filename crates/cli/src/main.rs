//! `gongshi`: command-line tool for gongshi data.
//!
//! ```text
//! gongshi sample [--out DIR] [--seed N] [--donations N] [--relief N]
//! ```

use gongshi_cli::{count_records, render_sample_with, DEFAULT_DONATIONS, DEFAULT_OUT, DEFAULT_RELIEF, DEFAULT_SEED};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "用法 / usage:
  gongshi sample [--out DIR] [--seed N] [--donations N] [--relief N]
      写出示例数据 donations.json、disbursements.json、goods.json、relief.json、coverage.json
      (defaults: --out public/data --seed 2023 --donations 1200 --relief 600)
  gongshi help";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("sample") => cmd_sample(&args[1..]),
        Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("未知命令 unknown command “{other}”\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gongshi: {e}");
            ExitCode::from(1)
        }
    }
}

/// Options as `--name value` pairs; every name must be in `known`.
fn options<'a>(args: &'a [String], known: &[&str]) -> Result<Vec<(&'a str, &'a str)>, String> {
    let mut out = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if !known.contains(&a.as_str()) {
            return Err(format!("未知参数 unknown option “{a}”\n{USAGE}"));
        }
        let v = it.next().ok_or_else(|| format!("参数 {a} 缺少取值 (missing value)"))?;
        out.push((a.as_str(), v.as_str()));
    }
    Ok(out)
}

fn number<T: std::str::FromStr>(name: &str, v: &str) -> Result<T, String> {
    v.parse().map_err(|_| format!("{name} 应为非负整数 (expected a number): “{v}”"))
}

fn cmd_sample(args: &[String]) -> Result<(), String> {
    let mut out = PathBuf::from(DEFAULT_OUT);
    let mut seed = DEFAULT_SEED;
    let mut donations = DEFAULT_DONATIONS;
    let mut relief = DEFAULT_RELIEF;
    for (k, v) in options(args, &["--out", "--seed", "--donations", "--relief"])? {
        match k {
            "--out" => out = PathBuf::from(v),
            "--seed" => seed = number(k, v)?,
            "--relief" => relief = number(k, v)?,
            _ => donations = number(k, v)?,
        }
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (name, content) in render_sample_with(seed, donations, relief) {
        let path = out.join(&name);
        std::fs::write(&path, &content).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}: {} records, {} bytes", path.display(), count_records(&name, &content), content.len());
    }
    Ok(())
}
