//! The README's publisher walkthrough ("From the office's spreadsheets to the website, step by
//! step"), followed literally: the spreadsheets it shows are built from its own text (each
//! ```text block after `<!-- walkthrough: sheet FILE -->`, cells separated by `|`; an .xlsx with
//! number and date cells and the title merged, or a CSV in GBK as Chinese Excel saves it), the
//! files it says to save are saved (`<!-- walkthrough: file FILE -->`), and its commands run in
//! `sh -e` as written (`<!-- walkthrough: run -->`), with the `gongshi` binary on the PATH. The
//! end is a folder `gongshi check` passes with 0 errors, holding what the sheets said and none of
//! their personal data.
//!
//! The last step (copying the folder into `dist/data` and `node scripts/prerender.mjs dist`)
//! needs a built app and Chromium and is not run here; the end-to-end tests cover the prerender.

mod common;

use common::{read, scratch};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// What the walkthrough asks for, in order.
#[derive(Debug)]
enum Step {
    Sheet(String, String),
    File(String, String),
    Run(String),
}

/// The marked blocks of the README, in order.
fn steps(readme: &str) -> Vec<Step> {
    let mut out = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        let Some(marker) = line.trim().strip_prefix("<!-- walkthrough:").and_then(|m| m.strip_suffix("-->")) else { continue };
        let fence = lines.next().unwrap_or_else(|| panic!("a code block after {line}"));
        assert!(fence.starts_with("```"), "a code block right after {line}, not {fence}");
        let body: Vec<&str> = lines.by_ref().take_while(|l| !l.starts_with("```")).collect();
        let body = body.join("\n") + "\n";
        let mut words = marker.split_whitespace();
        match (words.next(), words.next()) {
            (Some("sheet"), Some(file)) => out.push(Step::Sheet(file.to_string(), body)),
            (Some("file"), Some(file)) => out.push(Step::File(file.to_string(), body)),
            (Some("run"), None) => out.push(Step::Run(body)),
            _ => panic!("unknown walkthrough marker: {line}"),
        }
    }
    out
}

/// The rows of a sheet as the README draws them: `a | b | c`, a line without `|` is one cell.
fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| l.split('|').map(|c| c.trim().to_string()).collect()).collect()
}

/// An .xlsx as the office has it: numbers as number cells, dates as date cells, a one-cell row
/// (the title) merged across the table.
fn write_xlsx(path: &Path, rows: &[Vec<String>]) {
    let width = rows.iter().map(Vec::len).max().unwrap_or(1) as u16;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let title = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32;
        if row.len() == 1 && width > 1 {
            ws.merge_range(r, 0, r, width - 1, &row[0], &title).unwrap();
            continue;
        }
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            let ymd: Vec<&str> = v.split('-').collect();
            if v.is_empty() {
            } else if ymd.len() == 3 && ymd.iter().all(|p| !p.is_empty() && p.chars().all(|d| d.is_ascii_digit())) {
                let dt = ExcelDateTime::from_ymd(ymd[0].parse().unwrap(), ymd[1].parse().unwrap(), ymd[2].parse().unwrap()).unwrap();
                ws.write_datetime_with_format(r, c, dt, &date).unwrap();
            } else if v.len() <= 15 && v.parse::<f64>().is_ok() && v.chars().all(|d| d.is_ascii_digit() || d == '.') {
                ws.write_number(r, c, v.parse::<f64>().unwrap()).unwrap();
            } else {
                ws.write_string(r, c, v).unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

/// A CSV as Chinese Excel saves it: GBK, CRLF, cells with a comma quoted.
fn write_gbk_csv(path: &Path, rows: &[Vec<String>]) {
    let quote = |c: &String| if c.contains([',', '"']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() };
    let text: String = rows.iter().map(|r| r.iter().map(quote).collect::<Vec<_>>().join(",") + "\r\n").collect();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable && std::str::from_utf8(&bytes).is_err(), "a GBK file");
    std::fs::write(path, bytes).unwrap();
}

fn gongshi_on_path() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_gongshi")).parent().unwrap().to_path_buf();
    std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()))).unwrap().into_string().unwrap()
}

#[test]
fn the_readme_walkthrough_gets_an_editor_from_the_office_sheets_to_a_checked_folder() {
    let readme = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"));
    let steps = steps(&readme);
    let sheets: Vec<&str> = steps.iter().filter_map(|s| if let Step::Sheet(f, _) = s { Some(f.as_str()) } else { None }).collect();
    assert_eq!(sheets.len(), 5, "the walkthrough shows the office's five files: {sheets:?}");
    assert!(sheets.iter().any(|f| f.ends_with(".csv")) && sheets.iter().any(|f| f.ends_with(".xlsx")));

    let dir = scratch("readme-walkthrough");
    let path = gongshi_on_path();
    let mut log = String::new();
    for step in &steps {
        match step {
            Step::Sheet(file, text) => {
                let rows = rows(text);
                if file.ends_with(".csv") {
                    write_gbk_csv(&dir.join(file), &rows);
                } else {
                    write_xlsx(&dir.join(file), &rows);
                }
                // Every command that reads the file names it.
                assert!(steps.iter().any(|s| matches!(s, Step::Run(cmd) if cmd.contains(file.as_str()))), "{file} is never imported");
            }
            Step::File(file, text) => std::fs::write(dir.join(file), text).unwrap(),
            Step::Run(script) => {
                let o = Command::new("sh").arg("-ec").arg(script).current_dir(&dir).env("PATH", &path).output().unwrap();
                let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
                log.push_str(&format!("$ {script}{out}{err}\n"));
                assert!(o.status.success(), "the README's commands fail as written:\n{log}");
            }
        }
    }

    // The end: a folder the check passes, which is the site's data folder.
    let data = dir.join("yingshan");
    let check = Command::new(env!("CARGO_BIN_EXE_gongshi")).arg("check").arg(&data).output().unwrap();
    let said = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success() && said.contains("check: 0 errors"), "{said}\n{log}");
    let manifest: Value = serde_json::from_str(&read(&data.join("manifest.json"))).unwrap();
    assert_eq!(manifest["organisation"]["name"], "英山县红十字会");
    for d in manifest["datasets"].as_array().unwrap() {
        assert_eq!(d["sample"], false, "{d}");
        assert_eq!(d["source"], "英山县红十字会财务室、办公室台账", "{d}");
        assert!(data.join(d["file"].as_str().unwrap()).exists(), "{d}");
    }
    let json = |f: &str| -> Value { serde_json::from_str(&read(&data.join(f))).unwrap() };
    let count = |v: &Value, k: &str| v[k].as_array().map_or(0, Vec::len);
    let donations = json("donations.json");
    assert_eq!(count(&donations, "records"), 3);
    assert_eq!(donations["records"][0]["donor"], "英山县某茶叶有限公司");
    let spending = json("disbursements.json");
    assert_eq!(count(&spending, "records"), 3);
    assert_eq!(spending["records"][0]["from_donations"], serde_json::json!(["D2024-00001"]), "the receipt number resolved");
    let goods = json("goods.json");
    assert_eq!((count(&goods, "batches"), count(&goods, "movements"), count(&goods, "writeoffs")), (1, 2, 1));
    assert_eq!(goods["batches"][0]["donor_kind"], "organisation");
    let relief = json("relief.json");
    let names: Vec<&str> = relief["records"].as_array().unwrap().iter().map(|r| r["recipient"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["张某", "欧阳某", "李某"]);
    let cells = relief["aggregates"].as_array().unwrap();
    assert_eq!(cells.len(), 3);
    assert!(cells.iter().any(|c| c["county"] == "南河镇" && c["suppressed"] == true && c["people"].is_null()), "{cells:?}");
    // Nothing personal from the sheets reached any file.
    for f in std::fs::read_dir(&data).unwrap().flatten().filter(|f| f.path().is_file()) {
        let text = read(&f.path());
        for secret in ["张三", "欧阳娜娜", "李四", "13800138000", "13900139000", "4211251", "42112519500101002X", "联系电话", "制表人"] {
            assert!(!text.contains(secret), "{} holds “{secret}”", f.path().display());
        }
    }
}
