//! The publisher toolkit on copies of the shipped data: `check` (privacy gate, checksums, exit
//! codes, JSON output), `manifest`, `build-summary`, `mask` and `schema`; and the shipped
//! public/data and public/schema are what the tools produce.

mod common;

use common::{copy_of_shipped, gongshi, read, scratch, shipped_dir};
use gongshi_cli::{render_ledger, render_relief};
use gongshi_core::ledger::{RawDonation, RawFile};
use gongshi_core::relief::RawReliefFile;
use gongshi_core::{manifest, relief, summary};
use gongshi_publish::check::load_folder;
use gongshi_publish::schema;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn check_json(dir: &Path) -> (i32, Vec<Value>) {
    let r = gongshi(&["check", dir.to_str().unwrap(), "--format", "json", "--today", "2024-01-15"], dir);
    let v: Value = serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    (r.code, v.as_array().unwrap().clone())
}

#[test]
fn shipped_data_checks_clean_and_its_manifest_and_summary_are_current() {
    let dir = shipped_dir();
    let r = gongshi(&["check", dir.to_str().unwrap()], &dir);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("check: 0 errors, 0 warnings in "), "{}", r.stdout);

    // Rebuilding the summary and the manifest of a copy changes nothing.
    let copy = copy_of_shipped("shipped-current");
    let r = gongshi(&["build-summary", copy.to_str().unwrap()], &copy);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = gongshi(&["manifest", copy.to_str().unwrap()], &copy);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for f in ["summary.json", "manifest.json"] {
        assert!(
            read(&copy.join(f)) == read(&dir.join(f)),
            "public/data/{f} is stale: run `gongshi build-summary public/data` and `gongshi manifest public/data`"
        );
    }
}

#[test]
fn manifest_keeps_titles_and_sample_flags_and_records_checksums_counts_ranges_cadence() {
    let dir = copy_of_shipped("manifest");
    let before = manifest::load(&read(&dir.join("manifest.json"))).unwrap().value;
    let r = gongshi(&["manifest", dir.to_str().unwrap(), "--touch", "donations", "--today", "2024-03-01"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = manifest::load(&read(&dir.join("manifest.json"))).unwrap();
    assert!(after.findings.is_empty(), "{:?}", after.findings);
    let after = after.value;
    assert_eq!(after.organisation, before.organisation);
    for (a, b) in after.datasets.iter().zip(&before.datasets) {
        assert_eq!((&a.id, &a.file, &a.title, &a.title_en, &a.source, a.sample), (&b.id, &b.file, &b.title, &b.title_en, &b.source, b.sample));
        let bytes = std::fs::read(dir.join(&a.file)).unwrap();
        assert_eq!(a.sha256.as_deref(), Some(gongshi_core::integrity::sha256_hex(&bytes).as_str()));
        assert_eq!(a.bytes, Some(bytes.len() as u64));
        if a.id != "donations" {
            assert_eq!(a.last_updated, b.last_updated, "{}", a.id);
        }
    }
    let d = after.dataset("donations").unwrap();
    assert_eq!(d.last_updated.unwrap().to_string(), "2024-03-01", "--touch");
    assert_eq!(d.records, Some(1200));
    assert_eq!(d.date_range.map(|(a, b)| (a.year, b.year)), Some((2019, 2023)));
    assert_eq!(d.cadence.as_ref().map(|c| (c.every_days, c.emergency_every_days)), Some((90, Some(5))));
    assert_eq!(after.dataset("coverage").unwrap().cadence.as_ref().map(|c| c.every_days), Some(365));
    assert!(after.dataset("rectification").unwrap().cadence.is_none());
    assert_eq!(after.dataset("goods").unwrap().records, Some(144));
    assert_eq!(after.dataset("relief").unwrap().records, Some(660));
    assert!(after.summary.is_some(), "summary.json is listed with its checksum");

    let r = gongshi(&["manifest", dir.to_str().unwrap(), "--touch", "nope"], &dir);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("nope"), "{}", r.stderr);
}

#[test]
fn a_one_byte_change_fails_the_check_naming_the_file() {
    let dir = copy_of_shipped("one-byte");
    assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0);
    let (code, findings) = check_json(&dir);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}");
    // Change one digit of a receipt number: still valid JSON and valid data.
    let p = dir.join("donations.json");
    let text = read(&p);
    let changed = text.replacen("XNHH-2019-000001", "XNHH-2019-000009", 1);
    assert_eq!(changed.len(), text.len());
    std::fs::write(&p, changed).unwrap();
    let (code, findings) = check_json(&dir);
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let f = &findings[0];
    assert_eq!(f["file"], "donations.json");
    assert_eq!(f["severity"], "error");
    assert!(f["message"].as_str().unwrap().starts_with("文件与数据目录记录的校验值不符：可能被改动或下载不完整"), "{f}");
    let r = gongshi(&["check", dir.to_str().unwrap()], &dir);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("error: donations.json: 文件与数据目录记录的校验值不符"), "{}", r.stdout);
    assert!(r.stdout.contains("\ncheck: 1 errors, 0 warnings in "), "{}", r.stdout);
}

fn with_check(first17: &str) -> String {
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17.chars().zip(w).map(|(c, w)| c.to_digit(10).unwrap() * w).sum();
    format!("{first17}{}", "10X98765432".chars().nth((sum % 11) as usize).unwrap())
}

#[test]
fn the_privacy_gate_covers_every_file() {
    let dir = copy_of_shipped("privacy");
    assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0);
    let id = with_check("42120219800101123");
    assert!(gongshi_core::privacy::is_valid_id18(&id));
    // Relief: an unmasked name, a valid ID, a mobile, a card number passing Luhn, and an
    // 18-digit number with a wrong check digit but an ID's region and birth date (a damaged ID).
    let mut r: RawReliefFile = serde_json::from_str(&read(&dir.join("relief.json"))).unwrap();
    r.records[0].recipient = Some("金小明".into());
    r.records[1].goods = Some(format!("身份证{id}"));
    r.records[2].goods = Some("电话 138-0013-8000".into());
    r.records[3].goods = Some("卡号6222021234567890128".into());
    r.records[4].goods = Some("档案号110105194912310012".into());
    std::fs::write(dir.join("relief.json"), render_relief(&r)).unwrap();
    // Donations (any other file): a mobile is an error; a number that passes Luhn and has no
    // birth date in it is only a possible card number (a warning), never an ID.
    let mut d: RawFile<RawDonation> = serde_json::from_str(&read(&dir.join("donations.json"))).unwrap();
    d.records[0].receipt = Some("13900139000".into());
    assert!(gongshi_core::privacy::luhn_ok("6222021234567890128") && !gongshi_core::privacy::is_damaged_id("6222021234567890128"));
    d.records[1].receipt = Some("6222021234567890128".into());
    std::fs::write(dir.join("donations.json"), render_ledger(&d)).unwrap();
    assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0, "checksums out of the way");

    let (code, findings) = check_json(&dir);
    assert_eq!(code, 1);
    let got: Vec<(String, String, String, String)> = findings
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().into(),
                f["path"].as_str().unwrap().into(),
                f["severity"].as_str().unwrap().into(),
                f["message"].as_str().unwrap().into(),
            )
        })
        .collect();
    let find = |file: &str, path: &str| got.iter().find(|g| g.0 == file && g.1 == path).unwrap_or_else(|| panic!("no finding at {file} {path}: {got:#?}"));
    assert!(find("relief.json", "records[0].recipient").3.contains("未脱敏"));
    assert!(find("relief.json", "records[1].goods").3.contains("身份证号"));
    assert!(find("relief.json", "records[2].goods").3.contains("手机号"));
    let card = find("relief.json", "records[3].goods");
    assert!(card.3.contains("银行卡号") && card.2 == "error", "{card:?}");
    let damaged = find("relief.json", "records[4].goods");
    assert!(damaged.3.contains("身份证号") && damaged.2 == "error", "{damaged:?}");
    let phone = find("donations.json", "records[0].receipt");
    assert!(phone.3.contains("手机号") && phone.2 == "error", "{phone:?}");
    let maybe_card = find("donations.json", "records[1].receipt");
    assert_eq!(maybe_card.2, "warning");
    assert!(maybe_card.3.contains("银行卡号") && !maybe_card.3.contains("身份证"), "{maybe_card:?}");
    // The office landline and the QQ mail address in rectification.json are not personal data.
    assert!(!got.iter().any(|g| g.0 == "rectification.json"), "{got:#?}");
    // Findings are located: one record per line, so line = record's line.
    let f = findings.iter().find(|f| f["path"] == "records[2].goods").unwrap();
    assert_eq!(f["line"], 8, "{f}");
    // No message repeats a number it warns about.
    let all = serde_json::to_string(&findings).unwrap();
    for secret in [id.as_str(), "13800138000", "138-0013-8000", "6222021234567890128", "13900139000"] {
        assert!(!all.contains(secret), "leaks {secret}");
    }
    assert_eq!(got.iter().filter(|g| g.2 == "error").count(), 6, "{got:#?}");

    // The app's loader refuses the relief file as a whole.
    assert!(relief::load(&read(&dir.join("relief.json")), &gongshi_publish::sample::organisation()).is_err());
}

#[test]
fn mask_masks_every_recipient_once() {
    let dir = copy_of_shipped("mask");
    let p = dir.join("relief.json");
    let mut r: RawReliefFile = serde_json::from_str(&read(&p)).unwrap();
    r.records[0].recipient = Some("金小明".into());
    r.records[1].recipient = Some("欧阳娜娜".into());
    r.records[2].recipient = Some("买买提·艾力".into());
    std::fs::write(&p, render_relief(&r)).unwrap();
    assert!(relief::load(&read(&p), &gongshi_publish::sample::organisation()).is_err(), "refused before masking");
    let out = dir.join("masked.json");
    let run = gongshi(&["mask", p.to_str().unwrap(), "--out", out.to_str().unwrap()], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("mask: 3 of 600 recipient names masked"), "{}", run.stdout);
    let masked: RawReliefFile = serde_json::from_str(&read(&out)).unwrap();
    assert_eq!(masked.records[0].recipient.as_deref(), Some("金某"));
    assert_eq!(masked.records[1].recipient.as_deref(), Some("欧阳某"));
    assert_eq!(masked.records[2].recipient.as_deref(), Some("买某"));
    assert!(relief::load(&read(&out), &gongshi_publish::sample::organisation()).unwrap().findings.is_empty());
    // Idempotent: a second pass changes nothing and leaves the file as it was.
    let once = read(&out);
    let run = gongshi(&["mask", out.to_str().unwrap()], &dir);
    assert!(run.stdout.starts_with("mask: 0 of 600"), "{}", run.stdout);
    assert!(read(&out) == once, "second pass changed the file");
    // Only the recipients changed: the rest is the shipped file, line for line.
    let shipped = read(&shipped_dir().join("relief.json"));
    let differing = once.lines().zip(shipped.lines()).filter(|(a, b)| a != b).count();
    assert_eq!((once.lines().count(), differing), (shipped.lines().count(), 2), "records 1 and 2 had other names");
    // A field the format does not know is never dropped silently.
    std::fs::write(&p, read(&p).replacen("\"recipient\":\"欧阳娜娜\"", "\"recipient\":\"欧阳娜娜\",\"phone_note\":\"x\"", 1)).unwrap();
    let run = gongshi(&["mask", p.to_str().unwrap()], &dir);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("phone_note"), "{}", run.stderr);
}

#[test]
fn build_summary_round_trips_through_the_core_loader() {
    let dir = copy_of_shipped("summary");
    std::fs::remove_file(dir.join("summary.json")).ok();
    let r = gongshi(&["build-summary", dir.to_str().unwrap()], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = read(&dir.join("summary.json"));
    assert!(text.len() < 20 * 1024, "{} bytes", text.len());
    let loaded = summary::load(&text, &gongshi_publish::sample::organisation()).unwrap();
    assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    let files = gongshi_cli::commands::read_folder(&dir).unwrap();
    let (l, _) = load_folder(&files);
    assert_eq!(loaded.value, gongshi_publish::summary::build(&l.summary_inputs()));
    let s = loaded.value;
    assert!(s.sample && s.money_sample && s.relief_sample);
    assert_eq!(s.money_by_year.iter().map(|y| y.year).collect::<Vec<_>>(), vec![2019, 2020, 2021, 2022, 2023]);
    assert_eq!(s.rectification.as_ref().map(|r| (r.problems, r.done)), Some((21, 21)));
    assert_eq!(s.coverage.as_ref().map(|c| (c.counties, c.village_units, c.village_coverage_bp)), Some((6, 38, Some(350))));
    assert!(s.key_figures.contains(&"fundraising-total-2019-2021".to_string()));
    // Expectations computed here from the raw files, independently of summary::build.
    let raw = |f: &str| -> Value { serde_json::from_str(&read(&dir.join(f))).unwrap() };
    let donations = raw("donations.json");
    let mut received: std::collections::BTreeMap<u64, i64> = Default::default();
    for d in donations["records"].as_array().unwrap() {
        if d["status"] == "received" {
            let year: u64 = d["date"].as_str().unwrap()[..4].parse().unwrap();
            *received.entry(year).or_default() += d["amount_fen"].as_i64().unwrap();
        }
    }
    let got: Vec<(u64, i64)> = s.money_by_year.iter().map(|y| (u64::from(y.year), y.received_fen)).collect();
    assert_eq!(got, received.into_iter().collect::<Vec<_>>(), "money received per year");
    // Relief: published cells only; a withheld cell adds neither people nor money, only a count.
    let relief = raw("relief.json");
    let mut want: std::collections::BTreeMap<(String, u64), (u32, i64, u32, u32, i64)> = Default::default();
    for r in relief["records"].as_array().unwrap() {
        let year: u64 = r["date"].as_str().unwrap()[..4].parse().unwrap();
        let e = want.entry((r["programme"].as_str().unwrap().to_string(), year)).or_default();
        e.3 += 1;
        e.4 += r["amount_fen"].as_i64().unwrap_or(0);
    }
    let mut withheld = 0;
    for a in relief["aggregates"].as_array().unwrap() {
        let e = want.entry((a["programme"].as_str().unwrap().to_string(), a["year"].as_u64().unwrap())).or_default();
        match a["people"].as_u64() {
            Some(p) => {
                assert!(p == 0 || p >= 5, "the shipped file publishes a small cell: {a}");
                e.0 += p as u32;
                e.1 += a["amount_fen"].as_i64().unwrap();
            }
            None => {
                assert!(a.get("amount_fen").is_none(), "a withheld cell with an amount: {a}");
                e.2 += 1;
                withheld += 1;
            }
        }
    }
    assert!(withheld > 10, "the sample exercises suppression");
    let got: std::collections::BTreeMap<(String, u64), (u32, i64, u32, u32, i64)> = s
        .relief_by_programme_year
        .iter()
        .map(|r| ((r.programme.clone(), u64::from(r.year)), (r.aggregate_people, r.aggregate_amount_fen, r.suppressed_cells, r.records, r.records_amount_fen)))
        .collect();
    assert_eq!(got, want, "relief per programme and year");
    schema::strict_parse("summary", &text).unwrap();

    // A summary that no longer matches the data fails the check.
    assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0);
    let (code, findings) = check_json(&dir);
    assert_eq!((code, findings.len()), (0, 0), "{findings:?}");
    std::fs::write(dir.join("summary.json"), text.replacen("\"done\":21", "\"done\":20,\"x\":0", 1)).unwrap();
    assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0);
    let (code, findings) = check_json(&dir);
    assert_eq!(code, 1);
    assert!(findings.iter().any(|f| f["file"] == "summary.json" && f["message"].as_str().unwrap().contains("build-summary")), "{findings:?}");
}

#[test]
fn schemas_are_valid_json_shipped_and_agree_with_the_data() {
    let dir = scratch("schema");
    let out = dir.join("schema");
    let r = gongshi(&["schema", "--out", out.to_str().unwrap()], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/schema");
    let names = ["manifest", "rectification", "figures", "donations", "disbursements", "goods", "relief", "coverage", "summary"];
    for name in names {
        let file = format!("{name}.schema.json");
        let text = read(&out.join(&file));
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(v["$schema"].as_str().unwrap().starts_with("https://json-schema.org/"), "{file}");
        assert!(v["title"].as_str().unwrap().contains(&format!("{name}.json")), "{file}");
        assert!(v["description"].as_str().unwrap().chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{file}: Chinese description");
        assert_eq!(v["type"], "object", "{file}");
        assert!(read(&shipped.join(&file)) == text, "public/schema/{file} is stale: run `gongshi schema`");
    }
    // Fields are documented in both languages.
    let d: Value = serde_json::from_str(&read(&out.join("donations.schema.json"))).unwrap();
    let amount = d["$defs"]["Donation"]["properties"]["amount_fen"]["description"].as_str().unwrap();
    assert!(amount.contains("整数分") && amount.contains("integer fen"), "{amount}");
    // Every shipped data file is valid under the strict types the schemas come from.
    for name in names {
        schema::strict_parse(name, &read(&shipped_dir().join(format!("{name}.json")))).unwrap_or_else(|e| panic!("{name}.json: {e}"));
    }
}

/// A scratch folder `name/data` written by `gongshi bulk` from the shipped data.
fn bulk_folder(name: &str, rows: &str, part_rows: &str) -> PathBuf {
    let out = scratch(name).join("data");
    let r = gongshi(
        &["bulk", "--rows", rows, "--part-rows", part_rows, "--from", shipped_dir().to_str().unwrap(), "--out", out.to_str().unwrap()],
        out.parent().unwrap(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

#[test]
fn bulk_writes_a_partitioned_ledger_whose_parts_verify_and_load() {
    let out = bulk_folder("bulk", "3000", "800");
    let m = manifest::load(&read(&out.join("manifest.json"))).unwrap();
    assert!(m.findings.is_empty(), "{:?}", m.findings);
    let ds = m.value.dataset("donations").unwrap();
    assert_eq!(ds.records, Some(3000));
    assert!(ds.parts.len() > 5, "2020 alone has more than 800 rows, so it is split: {:?}", ds.parts);
    let mut total = 0;
    let mut ids = std::collections::BTreeSet::new();
    for p in &ds.parts {
        let bytes = std::fs::read(out.join(&p.file)).unwrap();
        gongshi_core::integrity::verify_parts(&p.file, &bytes, p.sha256.as_deref(), p.bytes).unwrap();
        let loaded = gongshi_core::ledger::load_donations(std::str::from_utf8(&bytes).unwrap()).unwrap();
        assert!(loaded.findings.is_empty(), "{}: {:?}", p.file, loaded.findings);
        assert!(loaded.value.len() <= 800 && Some(loaded.value.len() as u64) == p.records);
        assert!(loaded.value.iter().all(|d| Some(d.date.year) == p.year && d.origin == gongshi_core::ledger::Origin::Sample), "{}", p.file);
        ids.extend(loaded.value.iter().map(|d| d.id.clone()));
        total += loaded.value.len();
    }
    assert_eq!((total, ids.len()), (3000, 3000), "every row once, ids unique across parts");
    // A history with no release yet, as `gongshi init` writes it (not the shipped data's).
    let h = gongshi_core::history::load_index(&std::fs::read(out.join(gongshi_core::history::INDEX)).unwrap()).unwrap();
    assert!(h.releases.is_empty());
    // Only the years asked for.
    assert!(ds.parts_for(&[2021]).iter().all(|p| p.year == Some(2021)) && !ds.parts_for(&[2021]).is_empty());
    // The publisher's check covers the parts: clean as written…
    let r = gongshi(&["check", out.to_str().unwrap(), "--today", "2024-01-15"], &out);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // …and a part changed after the manifest, or a part missing, is caught.
    let p0 = out.join(&ds.parts[0].file);
    let text = read(&p0).replacen("\"donor\":\"", "\"donor\":\"改", 1);
    std::fs::write(&p0, text).unwrap();
    std::fs::remove_file(out.join(&ds.parts[1].file)).unwrap();
    let r = gongshi(&["check", out.to_str().unwrap(), "--today", "2024-01-15"], &out);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains(&ds.parts[0].file) && r.stdout.contains("校验值不符"), "{}", r.stdout);
    assert!(r.stdout.contains(&format!("清单列出的分卷“{}”不存在", ds.parts[1].file)), "{}", r.stdout);
}

#[test]
fn manifest_writes_a_pack_per_part_that_check_holds_to_its_json() {
    let out = bulk_folder("packs", "1500", "600");
    let text = read(&out.join("manifest.json"));
    schema::strict_parse("manifest", &text).unwrap_or_else(|e| panic!("the manifest with parts and packs follows its schema: {e}"));
    let ds = manifest::load(&text).unwrap().value.dataset("donations").unwrap().clone();
    for p in &ds.parts {
        let pack = p.usable_pack().unwrap_or_else(|| panic!("{} has a pack with both checksums", p.file));
        assert_eq!(pack.file, gongshi_core::pack::pack_name(&p.file));
        let bytes = std::fs::read(out.join(&pack.file)).unwrap();
        gongshi_core::integrity::verify_parts(&pack.file, &bytes, pack.sha256.as_deref(), pack.bytes).unwrap();
        let json = read(&out.join(&p.file));
        assert!(bytes.len() * 3 < json.len(), "{}: a pack is much smaller than its JSON ({} vs {})", p.file, bytes.len(), json.len());
        let from_pack = gongshi_core::pack::decode_donations(&bytes, p.sha256.as_deref().unwrap()).unwrap();
        assert_eq!(from_pack, gongshi_core::ledger::load_donations_part(&p.file, &json).unwrap(), "{}", p.file);
    }
    let check = |what: &str| {
        let r = gongshi(&["check", out.to_str().unwrap(), "--today", "2024-01-15"], &out);
        (r.code, format!("{what}: {}{}", r.stdout, r.stderr))
    };
    let (code, said) = check("as written");
    assert_eq!(code, 0, "{said}");
    // A part's JSON replaced and the manifest rewritten: its pack is written again, check is clean.
    let (p0, p1) = (&ds.parts[0], &ds.parts[1]);
    let old_pack = std::fs::read(out.join(p0.pack.as_ref().unwrap().file.as_str())).unwrap();
    let json = read(&out.join(&p0.file)).replacen("\"donor\":\"", "\"donor\":\"改", 1);
    std::fs::write(out.join(&p0.file), &json).unwrap();
    assert_eq!(gongshi(&["manifest", out.to_str().unwrap()], &out).code, 0);
    let (code, said) = check("after gongshi manifest");
    assert_eq!(code, 0, "{said}");
    let new_pack = std::fs::read(out.join(p0.pack.as_ref().unwrap().file.as_str())).unwrap();
    assert_ne!(old_pack, new_pack);
    let decoded = gongshi_core::pack::decode_donations(&new_pack, &gongshi_core::integrity::sha256_hex(json.as_bytes())).unwrap();
    assert!(decoded.value[0].donor.starts_with('改'), "the new pack holds the new text");
    // The old pack put back, with its checksum in the manifest: made from other JSON, refused.
    std::fs::write(out.join(p0.pack.as_ref().unwrap().file.as_str()), &old_pack).unwrap();
    let m = read(&out.join("manifest.json"))
        .replace(&gongshi_core::integrity::sha256_hex(&new_pack), &gongshi_core::integrity::sha256_hex(&old_pack))
        .replace(&format!("\"bytes\": {}", new_pack.len()), &format!("\"bytes\": {}", old_pack.len()));
    std::fs::write(out.join("manifest.json"), m).unwrap();
    let (code, said) = check("stale pack");
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("由旧版本的 JSON 生成"), "{said}");
    // A pack missing is an error that says what to run.
    std::fs::remove_file(out.join(p1.pack.as_ref().unwrap().file.as_str())).unwrap();
    let (code, said) = check("missing pack");
    assert_eq!(code, 1);
    assert!(said.contains(&format!("快速加载文件“{}”不存在", p1.pack.as_ref().unwrap().file)) && said.contains("gongshi manifest"), "{said}");
    // --no-pack: no packs listed, and check is clean again (the JSON alone is the dataset).
    assert_eq!(gongshi(&["manifest", "--no-pack", out.to_str().unwrap()], &out).code, 0);
    for f in std::fs::read_dir(&out).unwrap().flatten() {
        if f.file_name().to_string_lossy().ends_with(".pack") {
            std::fs::remove_file(f.path()).unwrap();
        }
    }
    assert!(!read(&out.join("manifest.json")).contains(".pack"));
    let (code, said) = check("no packs");
    assert_eq!(code, 0, "{said}");
}

/// Every way of slipping personal data into relief.json that the review of the privacy gate
/// found getting through `gongshi check` with a refreshed manifest, and more: each alone is an
/// error at the field that carries it, and the app's loader refuses the file.
#[test]
fn check_refuses_every_leak_the_review_found() {
    let dir = copy_of_shipped("privacy-variants");
    let original: Value = serde_json::from_str(&read(&dir.join("relief.json"))).unwrap();
    let variants: Vec<(&str, Value, &str)> = vec![
        ("goods", Value::from("身份证110105  19491231  002X"), "身份证号"),
        ("goods", Value::from("身份证110105–19491231–002X"), "身份证号"),
        ("goods", Value::from("sfz11010519491231002X"), "身份证号"),
        ("goods", Value::from("420102199003071000"), "身份证号"),
        ("goods", Value::from("电话13 800 138 000"), "手机号"),
        ("goods", Value::from("１３８　００１３　８０００"), "手机号"),
        ("township", Value::from("新屋村3组"), "地址"),
        ("township", Value::from("城西村二组"), "地址"),
        ("recipient", Value::from("张　三"), "未脱敏"),
        ("recipient", Value::from("Zhang San"), "未脱敏"),
        ("recipient", Value::from("张三某"), "未脱敏"),
        ("note", Value::from("张三之女，白血病"), "字段"),
        ("birth", Value::from("2015-03-02"), "字段"),
    ];
    for (field, value, says) in variants {
        let mut v = original.clone();
        v["records"][3][field] = value.clone();
        std::fs::write(dir.join("relief.json"), serde_json::to_string_pretty(&v).unwrap()).unwrap();
        assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0);
        let (code, findings) = check_json(&dir);
        assert_eq!(code, 1, "{field}={value}: not refused");
        let at = format!("records[3].{field}");
        let f = findings
            .iter()
            .find(|f| f["file"] == "relief.json" && f["path"] == at.as_str() && f["severity"] == "error")
            .unwrap_or_else(|| panic!("{field}={value}: no error at {at}: {findings:#?}"));
        assert!(f["message"].as_str().unwrap().contains(says), "{field}={value}: {f}");
        assert!(relief::load(&read(&dir.join("relief.json")), &gongshi_publish::sample::organisation()).is_err(), "{field}={value}: the app would show it");
    }
}

/// A small cell published with its count is refused by check, naming the cell; `gongshi mask`
/// withholds it (and, with a whole-city total, a second cell of the line); then check passes.
#[test]
fn small_cells_are_refused_by_check_and_withheld_by_mask() {
    let dir = copy_of_shipped("small-cells");
    let p = dir.join("relief.json");
    let mut v: Value = serde_json::from_str(&read(&p)).unwrap();
    let aggs = v["aggregates"].as_array_mut().unwrap();
    // Published cells in the shipped file hold 0 or at least 5 people; withheld ones neither
    // count nor amount.
    for a in aggs.iter() {
        match a["people"].as_u64() {
            Some(n) => assert!(n == 0 || n >= 5, "{a}"),
            None => assert!(a["suppressed"] == true && a.get("amount_fen").is_none(), "{a}"),
        }
    }
    // One child in 嘉鱼县, 2019, written out in full; and a whole-city total of 小天使基金 2019
    // that would give a withheld cell away.
    let i = aggs.iter().position(|a| a["suppressed"] == true).unwrap();
    let (year, programme) = (aggs[i]["year"].clone(), aggs[i]["programme"].clone());
    aggs[i]["people"] = Value::from(1);
    aggs[i]["amount_fen"] = Value::from(7_400_000);
    aggs[i].as_object_mut().unwrap().remove("suppressed");
    std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0);
    let (code, findings) = check_json(&dir);
    assert_eq!(code, 1);
    let at = format!("aggregates[{i}].people");
    let f = findings.iter().find(|f| f["path"] == at.as_str()).unwrap_or_else(|| panic!("{findings:#?}"));
    assert!(f["message"].as_str().unwrap().contains("人数为 1"), "{f}");

    let run = gongshi(&["mask", p.to_str().unwrap()], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("1 aggregate cells withheld"), "{}", run.stdout);
    let masked: Value = serde_json::from_str(&read(&p)).unwrap();
    assert_eq!(masked["aggregates"][i]["people"], Value::Null);
    assert_eq!(masked["aggregates"][i]["suppressed"], true);
    assert!(masked["aggregates"][i].get("amount_fen").is_none());
    assert_eq!(gongshi(&["build-summary", dir.to_str().unwrap()], &dir).code, 0);
    assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0);
    assert_eq!(check_json(&dir).0, 0, "{:#?}", check_json(&dir).1);

    // A whole-city total for that line: with exactly one withheld county cell, it gives the cell
    // away; check names it, and mask withholds another cell of the line.
    let mut v: Value = serde_json::from_str(&read(&p)).unwrap();
    let line: Vec<usize> =
        v["aggregates"].as_array().unwrap().iter().enumerate().filter(|(_, a)| a["year"] == year && a["programme"] == programme).map(|(k, _)| k).collect();
    let withheld: Vec<usize> = line.iter().copied().filter(|&k| v["aggregates"][k]["people"].is_null()).collect();
    // Publish every cell of the line but one (the one at i), as a sheet might.
    for &k in &line {
        if k != i && v["aggregates"][k]["people"].is_null() {
            v["aggregates"][k]["people"] = Value::from(6);
            v["aggregates"][k]["amount_fen"] = Value::from(60_000_000);
            v["aggregates"][k].as_object_mut().unwrap().remove("suppressed");
        }
    }
    let total: u64 = line.iter().filter_map(|&k| v["aggregates"][k]["people"].as_u64()).sum::<u64>() + 1;
    v["aggregates"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"programme": programme, "county": "全市", "year": year, "people": total, "amount_fen": 1, "origin": "sample"}));
    std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0);
    let (code, findings) = check_json(&dir);
    assert_eq!(code, 1, "{withheld:?}");
    assert!(findings.iter().any(|f| f["path"] == format!("aggregates[{i}]").as_str() && f["message"].as_str().unwrap().contains("算出")), "{findings:#?}");
    let run = gongshi(&["mask", p.to_str().unwrap()], &dir);
    assert!(run.stdout.contains("1 aggregate cells withheld"), "{}", run.stdout);
    assert_eq!(gongshi(&["build-summary", dir.to_str().unwrap()], &dir).code, 0);
    assert_eq!(gongshi(&["manifest", dir.to_str().unwrap()], &dir).code, 0);
    assert_eq!(check_json(&dir).0, 0, "{:#?}", check_json(&dir).1);
}

#[test]
fn manifest_writes_lookup_files_that_answer_as_the_ledger_and_check_holds_them_to_it() {
    use gongshi_core::ledger::lookup::{lookup, Answer, Ask};
    use gongshi_core::ledger::shard;
    let out = bulk_folder("shards", "1500", "600");
    let text = read(&out.join("manifest.json"));
    schema::strict_parse("manifest", &text).unwrap_or_else(|e| panic!("the manifest with lookup files follows its schema: {e}"));
    let m = manifest::load(&text).unwrap().value;
    let (buckets, sources) = m.lookup_sources().expect("lookup files for a ledger in parts");
    assert_eq!(buckets, shard::buckets_for(1500));
    let ask_of = |number: &str| -> Option<String> {
        let b = shard::bucket(number, buckets);
        let file = shard::file_name(b);
        let s = shard::read(&file, &read(&out.join(&file)), b, buckets, &sources).unwrap();
        match lookup(&Ask { number: number.into(), ..Default::default() }, &s.donations, &s.disbursements, &Default::default()) {
            Answer::Donations(f) => Some(f[0].donation.id.clone()),
            _ => None,
        }
    };
    // A receipt number of the last part, typed in lower case, is in its file.
    let last = &m.dataset("donations").unwrap().parts.last().unwrap().file;
    let part: serde_json::Value = serde_json::from_str(&read(&out.join(last))).unwrap();
    let d = part["records"].as_array().unwrap().iter().find(|d| d["receipt"].is_string()).unwrap();
    assert_eq!(ask_of(&d["receipt"].as_str().unwrap().to_lowercase()).as_deref(), d["id"].as_str());
    let check = |what: &str| {
        let r = gongshi(&["check", out.to_str().unwrap(), "--today", "2024-01-15"], &out);
        (r.code, format!("{what}: {}{}", r.stdout, r.stderr))
    };
    let (code, said) = check("as written");
    assert_eq!(code, 0, "{said}");
    // A lookup file altered: check says which, and what to run.
    let f3 = out.join(shard::file_name(3));
    let good = read(&f3);
    std::fs::write(&f3, good.replacen("\"donor\":\"", "\"donor\":\"改", 1)).unwrap();
    let (code, said) = check("an altered lookup file");
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("lookup-0003.json") && said.contains("gongshi manifest"), "{said}");
    // The data changed and gongshi manifest run again: the files follow it (a new receipt number
    // is found), and check is clean.
    let p0 = &m.dataset("donations").unwrap().parts[0].file;
    let json = read(&out.join(p0));
    let old: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = old["records"].as_array().unwrap().iter().find(|d| d["receipt"].is_string()).unwrap();
    let (old_receipt, id) = (first["receipt"].as_str().unwrap().to_string(), first["id"].as_str().unwrap().to_string());
    std::fs::write(out.join(p0), json.replacen(&format!("\"{old_receipt}\""), "\"NEW-2019-777777\"", 1)).unwrap();
    assert_eq!(gongshi(&["manifest", out.to_str().unwrap()], &out).code, 0);
    let (code, said) = check("after gongshi manifest");
    assert_eq!(code, 0, "{said}");
    let (buckets2, sources2) = manifest::load(&read(&out.join("manifest.json"))).unwrap().value.lookup_sources().unwrap();
    assert_eq!(buckets2, buckets);
    assert_ne!(sources2, sources, "made from the new part");
    let b = shard::bucket("new-2019-777777", buckets);
    let s = shard::read(&shard::file_name(b), &read(&out.join(shard::file_name(b))), b, buckets, &sources2).unwrap();
    assert!(s.donations.iter().any(|d| d.id == id && d.receipt.as_deref() == Some("NEW-2019-777777")));
    // --no-pack: no lookup files, none listed, check clean.
    assert_eq!(gongshi(&["manifest", "--no-pack", out.to_str().unwrap()], &out).code, 0);
    assert!(!out.join(shard::file_name(0)).exists() && !read(&out.join("manifest.json")).contains("\"lookup\""));
}
