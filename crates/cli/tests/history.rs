//! Publication history (#17): `gongshi release`, `gongshi verify` and `gongshi diff` on copies of
//! the shipped data — releases, the fingerprint, refused silent changes to real records and the
//! same changes accepted with their correction notes, and tamper detection in each kind of
//! history file.

mod common;

use common::{copy_dir, copy_of_shipped, gongshi, read, scratch, shipped_dir, Run};
use gongshi_core::integrity::sha256_hex;
use std::path::{Path, PathBuf};

fn run(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec![args[0], dir.to_str().unwrap()];
    all.extend(&args[1..]);
    gongshi(&all, dir)
}

/// After editing data files: the summary and the manifest's checksums, as a publisher would.
fn refresh(dir: &Path) {
    assert_eq!(run(dir, &["build-summary"]).code, 0);
    let r = run(dir, &["manifest"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{} has no {from}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The fingerprint line's 16 hex digits.
fn fingerprint(stdout: &str) -> String {
    let line = stdout.lines().find(|l| l.starts_with("指纹 fingerprint: ")).unwrap_or_else(|| panic!("no fingerprint in {stdout}"));
    let f: String = line["指纹 fingerprint: ".len()..].chars().take(16).collect();
    assert!(f.len() == 16 && f.bytes().all(|b| b.is_ascii_hexdigit()), "{line}");
    f
}

/// A copy of the shipped data files (no history) with release 1 (2024-01-01) and release 2
/// (2024-02-01, one sample donation's amount changed).
fn two_releases(name: &str) -> PathBuf {
    let dir = copy_of_shipped(name);
    let r = run(&dir, &["release", "--note", "第一版", "--date", "2024-01-01"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    edit(&dir.join("donations.json"), r#""amount_fen":1100000"#, r#""amount_fen":1200000"#);
    refresh(&dir);
    let r = run(&dir, &["release", "--note", "第二版", "--date", "2024-02-01"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    dir
}

#[test]
fn the_shipped_history_verifies_and_prints_its_fingerprint() {
    let dir = shipped_dir();
    let r = run(&dir, &["verify"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("verify: 0 errors：2 版发布记录完整"), "{}", r.stdout);
    let index: serde_json::Value = serde_json::from_str(&read(&dir.join("history/index.json"))).unwrap();
    let head = index["releases"].as_array().unwrap().last().unwrap()["sha256"].as_str().unwrap().to_string();
    assert_eq!(fingerprint(&r.stdout), head[..16]);
    // Release 1 is the report as published; release 2 adds the other datasets.
    let r = run(&dir, &["diff", "--from", "1", "--to", "2"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("diff: 第 1 版（2023-09-18）→ 第 2 版（2026-12-01）"), "{}", r.stdout);
    assert!(r.stdout.contains("donations：新增 1200，更改 0，删除 0"), "{}", r.stdout);
    assert!(!r.stdout.contains("rectification："), "the report did not change: {}", r.stdout);
}

#[test]
fn release_writes_the_log_and_prints_the_fingerprint_and_verify_agrees() {
    let dir = copy_of_shipped("release");
    let r = run(&dir, &["release", "--note", "第一版", "--date", "2024-01-01"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("release: 第 1 版（2024-01-01）已写入 history/releases/000001.json"), "{}", r.stdout);
    assert!(r.stdout.contains("donations：新增 1200，更改 0，删除 0"), "{}", r.stdout);
    let bytes = std::fs::read(dir.join("history/releases/000001.json")).unwrap();
    let hash = sha256_hex(&bytes);
    assert_eq!(fingerprint(&r.stdout), hash[..16], "the fingerprint is the release file's hash");
    let rel: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!((rel["number"].as_u64(), rel["date"].as_str(), rel["previous"].is_null()), (Some(1), Some("2024-01-01"), true));
    let files = rel["files"].as_array().unwrap();
    let manifest = files.iter().find(|f| f["file"] == "manifest.json").expect("manifest.json is in the release");
    assert_eq!(manifest["sha256"].as_str().unwrap(), sha256_hex(&std::fs::read(dir.join("manifest.json")).unwrap()));
    for f in files {
        let obj = dir.join("history/objects").join(format!("{}.{}", f["sha256"].as_str().unwrap(), f["file"].as_str().unwrap().rsplit('.').next().unwrap()));
        assert_eq!(std::fs::read(&obj).unwrap().len() as u64, f["bytes"].as_u64().unwrap(), "{}", obj.display());
    }
    let v = run(&dir, &["verify"]);
    assert_eq!(v.code, 0, "{}", v.stdout);
    assert_eq!(fingerprint(&v.stdout), hash[..16]);
    // Nothing changed: nothing to release.
    let again = run(&dir, &["release", "--note", "再发一次", "--date", "2024-01-02"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("完全相同"), "{}", again.stderr);
    // A folder with errors is refused before anything is compared.
    edit(&dir.join("donations.json"), r#""amount_fen":1100000"#, r#""amount_fen":-5"#);
    let bad = run(&dir, &["release", "--note", "坏数据", "--date", "2024-01-03"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("数据目录有错误，没有发布"), "{}", bad.stderr);
    assert!(!dir.join("history/releases/000002.json").exists());
}

#[test]
fn a_silent_change_to_a_real_record_is_refused_and_accepted_with_its_correction_note() {
    let dir = copy_of_shipped("correction");
    assert_eq!(run(&dir, &["release", "--note", "第一版", "--date", "2024-01-01"]).code, 0);
    // A real goods batch (from the report, problem 8): 2800 → 2900 portions, no note.
    let goods = dir.join("goods.json");
    edit(&goods, r#""quantity":2800"#, r#""quantity":2900"#);
    refresh(&dir);
    let r = run(&dir, &["release", "--note", "改数量", "--date", "2024-02-01"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("goods：记录“S-2020-10-RICE-OIL”是第 1 版公布的真实记录，本次更改了 quantity：2800 → 2900，但没有更正说明"), "{}", r.stderr);
    assert!(r.stderr.contains(r#"请在 goods.json 的 corrections 中加入 {"record": "S-2020-10-RICE-OIL""#), "{}", r.stderr);
    assert!(!dir.join("history/releases/000002.json").exists());
    // A note dated on the day of release 1 does not cover a change after it.
    let with_note = |date: &str| {
        let text = read(&goods);
        let note = format!(
            "  \"corrections\": [\n    {{\"record\":\"S-2020-10-RICE-OIL\",\"date\":\"{date}\",\"what\":\"数量由 2800 份更正为 2900 份\",\"why\":\"核对入库单\"}}\n  ]\n}}\n"
        );
        let body = text.trim_end().strip_suffix('}').unwrap().trim_end();
        std::fs::write(&goods, format!("{body},\n{note}")).unwrap();
        refresh(&dir);
    };
    let original = read(&goods);
    with_note("2024-01-01");
    let r = run(&dir, &["release", "--note", "改数量", "--date", "2024-02-01"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("S-2020-10-RICE-OIL"), "{}", r.stderr);
    std::fs::write(&goods, &original).unwrap();
    with_note("2024-01-20");
    let r = run(&dir, &["release", "--note", "更正物资数量", "--date", "2024-02-01"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("goods：新增 0，更改 1，删除 0，更正说明 1 条"), "{}", r.stdout);
    let rel: serde_json::Value = serde_json::from_str(&read(&dir.join("history/releases/000002.json"))).unwrap();
    let c = &rel["changes"][0]["corrections"][0];
    assert_eq!((c["record"].as_str(), c["change"].as_str(), c["date"].as_str()), (Some("S-2020-10-RICE-OIL"), Some("changed"), Some("2024-01-20")));
    assert_eq!(run(&dir, &["verify"]).code, 0);
    // The diff shows the field, old → new; as CSV too.
    let d = run(&dir, &["diff", "--dataset", "goods"]);
    assert!(d.stdout.contains("~ S-2020-10-RICE-OIL：quantity：2800 → 2900"), "{}", d.stdout);
    let csv = run(&dir, &["diff", "--from", "1", "--to", "2", "--csv"]);
    assert!(csv.stdout.starts_with("\u{feff}数据集,记录,所在部分,真实/示例,变化,字段,原值,新值\r\n"), "{}", csv.stdout);
    assert!(csv.stdout.contains("goods,S-2020-10-RICE-OIL,batches,真实记录,更改,quantity,2800,2900\r\n"), "{}", csv.stdout);
    // A change to a sample record needs no note.
    edit(&dir.join("donations.json"), r#""amount_fen":1100000"#, r#""amount_fen":1200000"#);
    refresh(&dir);
    let r = run(&dir, &["release", "--note", "示例数据", "--date", "2024-03-01"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("donations：新增 0，更改 1，删除 0\n"), "{}", r.stdout);
}

#[test]
fn removing_a_real_record_is_refused_without_a_note_and_accepted_with_one() {
    let dir = copy_of_shipped("removal");
    assert_eq!(run(&dir, &["release", "--note", "第一版", "--date", "2024-01-01"]).code, 0);
    let goods = dir.join("goods.json");
    let text = read(&goods);
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains(r#""id":"S-2020-01-BAJIA""#)).collect();
    assert_eq!(kept.len() + 1, text.lines().count());
    std::fs::write(&goods, kept.join("\n") + "\n").unwrap();
    refresh(&dir);
    let r = run(&dir, &["release", "--note", "删除", "--date", "2024-02-01"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stderr.contains("goods：记录“S-2020-01-BAJIA”是第 1 版公布的真实记录，本次删除了这条记录，但没有更正说明"), "{}", r.stderr);
    let text = read(&goods);
    let body = text.trim_end().strip_suffix('}').unwrap().trim_end();
    std::fs::write(&goods, format!("{body},\n  \"corrections\": [\n    {{\"record\":\"S-2020-01-BAJIA\",\"date\":\"2024-01-15\",\"what\":\"删除重复登记的批次\",\"why\":\"与另一批次重复\"}}\n  ]\n}}\n")).unwrap();
    refresh(&dir);
    let r = run(&dir, &["release", "--note", "删除重复批次", "--date", "2024-02-01"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("goods：新增 0，更改 0，删除 1，更正说明 1 条"), "{}", r.stdout);
    assert_eq!(run(&dir, &["check", "--today", "2024-02-01"]).code, 0, "the note is valid data");
}

/// Each kind of tampering, on a fresh copy of a two-release folder: verify exits 1 with an
/// error naming the release and the file.
#[test]
fn tampering_with_any_history_file_is_an_error_naming_the_release_and_the_file() {
    let base = two_releases("tamper-base");
    let good = run(&base, &["verify"]);
    assert_eq!(good.code, 0, "{}", good.stdout);
    let flip = |p: &Path, at: usize| {
        let mut b = std::fs::read(p).unwrap();
        let i = at.min(b.len() - 2);
        b[i] = if b[i] == b'0' { b'1' } else { b'0' };
        std::fs::write(p, b).unwrap();
    };
    let cases: Vec<(&str, Box<dyn Fn(&Path)>, &[&str])> = vec![
        (
            "release-byte",
            Box::new(|d: &Path| {
                let p = d.join("history/releases/000001.json");
                let text = read(&p);
                std::fs::write(&p, text.replacen("第一版", "第1版", 1)).unwrap();
            }),
            &["error: history/releases/000001.json", "第 1 版的文件 history/releases/000001.json 被改动"],
        ),
        (
            "object-byte",
            Box::new(move |d: &Path| {
                let rel: serde_json::Value = serde_json::from_str(&read(&d.join("history/releases/000001.json"))).unwrap();
                let f = rel["files"].as_array().unwrap().iter().find(|f| f["file"] == "rectification.json").unwrap().clone();
                flip(&d.join(format!("history/objects/{}.json", f["sha256"].as_str().unwrap())), 500);
            }),
            &["error: history/objects/", "第 1、2 版的 rectification.json 的存档文件", "被改动"],
        ),
        (
            "index-byte",
            Box::new(|d: &Path| {
                let p = d.join("history/index.json");
                let text = read(&p);
                let i = text.find("\"sha256\": \"").unwrap() + 11;
                flip(&p, i);
            }),
            &["error: history/index.json", "history/index.json 记录的第 1 版 SHA-256 与 history/releases/000001.json 不符"],
        ),
        (
            "manifest-byte",
            Box::new(|d: &Path| edit(&d.join("manifest.json"), "巡察整改情况", "巡察整改状况")),
            &["error: manifest.json", "当前的 manifest.json 与最新的第 2 版发布的不符"],
        ),
        (
            "removed-release",
            Box::new(|d: &Path| std::fs::remove_file(d.join("history/releases/000001.json")).unwrap()),
            &["error: history/releases/000001.json", "第 1 版的文件 history/releases/000001.json 不存在"],
        ),
        (
            "rewritten-link",
            Box::new(|d: &Path| {
                let p = d.join("history/releases/000002.json");
                let text = read(&p);
                let i = text.find("\"previous\": \"").unwrap() + 13;
                flip(&p, i);
            }),
            &["error: history/releases/000002.json", "第 2 版的 previous 链接与第 1 版文件的 SHA-256 不符"],
        ),
        (
            "cut-index",
            Box::new(|d: &Path| {
                let p = d.join("history/index.json");
                let mut v: serde_json::Value = serde_json::from_str(&read(&p)).unwrap();
                v["releases"].as_array_mut().unwrap().pop();
                std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
            }),
            &["error: history/index.json", "history/releases/000002.json 存在，但 history/index.json 只列到第 1 版"],
        ),
    ];
    for (name, tamper, expected) in cases {
        let dir = scratch(&format!("tamper-{name}")).join("data");
        copy_dir(&base, &dir);
        tamper(&dir);
        let r = run(&dir, &["verify"]);
        assert_eq!(r.code, 1, "{name}: {}", r.stdout);
        for e in expected {
            assert!(r.stdout.contains(e), "{name}: expected “{e}” in\n{}", r.stdout);
        }
        assert!(!r.stdout.contains("指纹"), "{name}: no fingerprint for a broken log");
        // And no release is appended to a broken log.
        if name != "manifest-byte" {
            let r = run(&dir, &["release", "--note", "x", "--date", "2024-03-01"]);
            assert_eq!(r.code, 1, "{name}: {}{}", r.stdout, r.stderr);
        }
    }
}
