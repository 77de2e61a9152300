//! `gongshi release`, `gongshi verify` and `gongshi diff`: the publication history of a data
//! folder (the log's format, its check and the diff are `gongshi_core::history`'s; preparing a
//! release is `gongshi_publish::release`'s). Here: arguments, the folder on disk, output.

use crate::commands::{number, read_folder, report_text, today, write_bytes, Args, CmdResult};
use gongshi_core::date::PartialDate;
use gongshi_core::diag::{Diagnostic, Severity};
use gongshi_core::history::{self, diff, At, Options, Store};
use gongshi_publish::{check, release};
use std::borrow::Cow;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// A data folder on disk as a [`Store`]: paths relative to it; a path that would leave it
/// (`..`, absolute) reads as absent.
pub struct Folder(pub PathBuf);

impl Folder {
    fn path(&self, p: &str) -> Option<PathBuf> {
        let rel = Path::new(p);
        rel.components().all(|c| matches!(c, Component::Normal(_))).then(|| self.0.join(rel))
    }
}

impl Store for Folder {
    fn read(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        std::fs::read(self.path(path)?).ok().map(Cow::Owned)
    }
    fn exists(&self, path: &str) -> bool {
        self.path(path).is_some_and(|p| p.is_file())
    }
}

fn print_findings(w: &mut dyn Write, findings: &[Diagnostic]) {
    for d in findings {
        let sev = if d.severity == Severity::Error { "error" } else { "warning" };
        let path = if d.path.is_empty() { String::new() } else { format!(" {}", d.path) };
        let _ = writeln!(w, "{sev}: {}{path}: {}", d.file, d.message);
    }
}

/// `gongshi release DIR --note "…" [--date YYYY-MM-DD]`.
pub fn release_cmd(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &["--note", "--date"], &[])?;
    let dir = PathBuf::from(a.one_positional("数据目录 DIR")?);
    let note = a.get("--note").ok_or("缺少 --note \"本版说明\"（写进发布记录，网页上显示）")?;
    let date = match a.get("--date") {
        Some(s) => match PartialDate::parse(s) {
            Ok(d) if d.day.is_some() => d,
            _ => return Err(format!("--date 应为完整日期 YYYY-MM-DD：“{s}”")),
        },
        None => today(None)?,
    };
    // The folder must check clean, as for `gongshi check`.
    let files = read_folder(&dir)?;
    let report = check::check_folder(&files, Some(date));
    if report.errors() > 0 {
        let _ = out.write_all(report_text(&report).as_bytes());
        let _ = writeln!(err, "release: 数据目录有错误，没有发布（修正后再运行；见 gongshi check {}）", dir.display());
        return Ok(1);
    }
    let store = Folder(dir.clone());
    let p = match release::prepare(&store, note, date) {
        Ok(p) => p,
        Err(findings) => {
            print_findings(err, &findings);
            let _ = writeln!(err, "release: 没有发布（{} 处问题，见上）", findings.len());
            return Ok(1);
        }
    };
    // Objects first, then the release, the index last: an interrupted run leaves the log as it was.
    for (object, file) in &p.new_objects {
        let bytes = std::fs::read(dir.join(file)).map_err(|e| format!("{}: {e}", dir.join(file).display()))?;
        write_bytes(&dir.join(object), &bytes)?;
    }
    let rpath = dir.join(p.release_path());
    if rpath.exists() {
        return Err(format!("{} 已存在：发布记录只能追加，不能覆盖（运行 gongshi verify {}）", rpath.display(), dir.display()));
    }
    write_bytes(&rpath, &p.release_bytes)?;
    let index = dir.join(history::INDEX);
    let tmp = index.with_extension("json.tmp");
    write_bytes(&tmp, &p.index_bytes)?;
    std::fs::rename(&tmp, &index).map_err(|e| format!("{}: {e}", index.display()))?;
    let r = &p.release;
    let _ = writeln!(out, "release: 第 {} 版（{}）已写入 {}", r.number, r.date, p.release_path());
    if r.changes.is_empty() {
        let _ = writeln!(out, "  数据集的记录没有变化（只有文件的其他内容改动）");
    }
    for c in &r.changes {
        let fixed = if c.corrections.is_empty() { String::new() } else { format!("，更正说明 {} 条", c.corrections.len()) };
        let _ = writeln!(out, "  {}：新增 {}，更改 {}，删除 {}{fixed}", c.dataset, c.added, c.changed, c.removed);
    }
    let _ = writeln!(out, "  {} 个文件，新存档 {} 个（history/objects/）", r.files.len(), p.new_objects.len());
    let _ = writeln!(out, "指纹 fingerprint: {}", p.fingerprint());
    let _ = writeln!(out, "（在公告中引用这个指纹：任何人都可以用 gongshi verify 核对网站发布的数据就是公告的这一版）");
    Ok(0)
}

/// `gongshi verify DIR`.
pub fn verify_cmd(args: &[String], out: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &[], &[])?;
    let dir = PathBuf::from(a.one_positional("数据目录 DIR")?);
    let c = history::verify(&Folder(dir), Options::ALL);
    print_findings(out, &c.findings);
    let errors = c.errors().count();
    if errors > 0 {
        let _ = writeln!(out, "verify: {errors} errors：发布记录与数据不一致（见上）");
        return Ok(1);
    }
    let log = &c.value;
    let Some(head) = log.head() else { return Ok(1) };
    let _ = writeln!(
        out,
        "verify: 0 errors：{} 版发布记录完整，链接、{} 个存档文件和当前的 {} 个文件都与记录一致",
        log.releases.len(),
        log.objects_checked,
        head.release.files.len()
    );
    let _ = writeln!(out, "指纹 fingerprint: {}（第 {} 版，{}）", history::fingerprint(&head.sha256), head.release.number, head.release.date);
    Ok(0)
}

/// How many added or removed records the text output lists per dataset (the CSV has all).
const LIST: usize = 20;

/// `gongshi diff DIR [--from N] [--to M] [--dataset ID] [--csv]`.
pub fn diff_cmd(args: &[String], out: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &["--from", "--to", "--dataset"], &["--csv"])?;
    let dir = PathBuf::from(a.one_positional("数据目录 DIR")?);
    let store = Folder(dir);
    let c = history::verify(&store, Options { objects: false, current: history::Current::Skip });
    if c.has_errors() {
        print_findings(out, &c.findings);
        return Err("发布记录有问题，无法比较（运行 gongshi verify 查看）".into());
    }
    let log = c.value;
    let head = log.head().map_or(0, |h| h.release.number);
    let to: u32 = a.get("--to").map(|v| number("--to", v)).transpose()?.unwrap_or(head);
    let from: u32 = a.get("--from").map(|v| number("--from", v)).transpose()?.unwrap_or(to.saturating_sub(1));
    let (Some(fr), Some(tr)) = (log.release(from), log.release(to)) else {
        return Err(format!("没有第 {from} 版或第 {to} 版（共 {head} 版；--from 和 --to 取 1 至 {head}）"));
    };
    let diffs = diff::between(&store, At::Release(fr), At::Release(tr), a.get("--dataset")).map_err(|d| d.to_string())?;
    if a.flags.contains("--csv") {
        let _ = out.write_all(diff::to_csv(&diffs).as_bytes());
        return Ok(0);
    }
    let _ = writeln!(out, "diff: 第 {from} 版（{}）→ 第 {to} 版（{}）", fr.date, tr.date);
    if diffs.is_empty() {
        let _ = writeln!(out, "  记录没有变化");
    }
    let kind = |real: bool| if real { "" } else { "（示例）" };
    for d in &diffs {
        let _ = writeln!(out, "{}：新增 {}，更改 {}，删除 {}", d.dataset, d.added.len(), d.changed.len(), d.removed.len());
        for c in &d.changed {
            let _ = writeln!(out, "  ~ {}{}：{}", c.key, kind(c.real), diff::describe(&c.fields));
        }
        for (sign, rows) in [("+", &d.added), ("-", &d.removed)] {
            for r in rows.iter().take(LIST) {
                let _ = writeln!(out, "  {sign} {}{}", r.key, kind(r.real));
            }
            if rows.len() > LIST {
                let _ = writeln!(out, "  {sign} …（另有 {} 条，用 --csv 查看全部）", rows.len() - LIST);
            }
        }
    }
    Ok(0)
}
