use super::diff::{self, records};
use super::*;
use crate::date::PartialDate;
use crate::integrity::sha256_hex;
use std::collections::BTreeMap;

/// A log of `n` releases in memory, each publishing `files` small data files (release k changes
/// file k % files), with the current folder equal to the last release.
fn log(n: u32, files: usize) -> BTreeMap<String, Vec<u8>> {
    let mut store = BTreeMap::new();
    let mut index = Index::empty();
    let mut current: Vec<(String, Vec<u8>)> = (0..files).map(|i| (format!("f{i:02}.json"), format!("{{\"v\":0,\"f\":{i}}}").into_bytes())).collect();
    current.insert(0, ("manifest.json".into(), b"{}".to_vec()));
    for k in 1..=n {
        let i = k as usize % current.len();
        current[i].1 = format!("{{\"v\":{k},\"f\":{i}}}").into_bytes();
        let mut entries = Vec::new();
        for (name, bytes) in &current {
            let sha = sha256_hex(bytes);
            store.insert(object_path(&sha, name), bytes.clone());
            entries.push(FileEntry { file: name.clone(), sha256: sha, bytes: bytes.len() as u64 });
        }
        let r = Release {
            schema: RELEASE_SCHEMA.into(),
            number: k,
            date: format!("2024-{:02}-{:02}", 1 + (k - 1) / 28 % 12, 1 + (k - 1) % 28).replace("2024", &(2024 + (k - 1) / 336).to_string()),
            note: format!("第 {k} 版"),
            previous: index.releases.last().map(|e: &IndexEntry| e.sha256.clone()),
            files: entries,
            changes: Vec::new(),
        };
        let bytes = (serde_json::to_string_pretty(&r).unwrap() + "\n").into_bytes();
        index.releases.push(IndexEntry { number: k, date: r.date.clone(), sha256: sha256_hex(&bytes) });
        store.insert(release_path(k), bytes);
    }
    store.insert(INDEX.into(), serde_json::to_vec_pretty(&index).unwrap());
    for (name, bytes) in current {
        store.insert(name, bytes);
    }
    store
}

fn errors(store: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String)> {
    verify(store, Options::ALL).findings.into_iter().map(|d| (d.file, d.message)).collect()
}

#[test]
fn a_good_log_verifies_and_gives_the_heads_fingerprint() {
    let store = log(5, 3);
    let c = verify(&store, Options::ALL);
    assert!(c.findings.is_empty(), "{:?}", c.findings);
    assert_eq!(c.value.releases.len(), 5);
    let head = sha256_hex(&store[&release_path(5)]);
    assert_eq!(c.value.fingerprint(), Some(&head[..16]));
    let stored = store.keys().filter(|k| k.starts_with("history/objects/")).count();
    assert_eq!(c.value.objects_checked, stored, "each distinct object hashed once");
    assert_eq!(c.value.release(2).map(|r| r.note.as_str()), Some("第 2 版"));
}

#[test]
fn each_kind_of_tampering_names_the_release_and_the_file() {
    let base = log(4, 3);
    let tamper = |f: &dyn Fn(&mut BTreeMap<String, Vec<u8>>)| {
        let mut s = base.clone();
        f(&mut s);
        errors(&s)
    };
    // One byte of a past release.
    let e = tamper(&|s| s.get_mut(&release_path(2)).unwrap()[40] ^= 1);
    assert!(e.iter().any(|(f, m)| f == "history/releases/000002.json" && m.contains("第 2 版的文件 history/releases/000002.json 被改动")), "{e:?}");
    // A removed release.
    let e = tamper(&|s| {
        s.remove(&release_path(3));
    });
    assert!(e.iter().any(|(f, m)| f == "history/releases/000003.json" && m.contains("第 3 版") && m.contains("不存在")), "{e:?}");
    // The index edited.
    let e = tamper(&|s| {
        let text = String::from_utf8(s[INDEX].clone()).unwrap();
        let h = sha256_hex(&s[&release_path(1)]);
        s.insert(INDEX.into(), text.replace(&h, &h.replacen(&h[..1], if &h[..1] == "0" { "1" } else { "0" }, 1)).into_bytes());
    });
    assert!(e.iter().any(|(f, m)| f == INDEX && m.contains("第 1 版") && m.contains("索引被改动")), "{e:?}");
    // A rewritten link (the release then no longer matches the index either).
    let e = tamper(&|s| {
        let text = String::from_utf8(s[&release_path(3)].clone()).unwrap();
        let prev = sha256_hex(&s[&release_path(2)]);
        s.insert(release_path(3), text.replace(&prev, &"0".repeat(64)).into_bytes());
    });
    assert!(e.iter().any(|(f, m)| f == "history/releases/000003.json" && m.contains("previous 链接")), "{e:?}");
    // A stored object.
    let e = tamper(&|s| {
        let k = s.keys().find(|k| k.starts_with("history/objects/")).unwrap().clone();
        s.get_mut(&k).unwrap()[1] ^= 1;
    });
    assert!(e.iter().any(|(f, m)| f.starts_with("history/objects/") && m.contains("版的") && m.contains("被改动")), "{e:?}");
    // The current manifest.
    let e = tamper(&|s| s.insert("manifest.json".into(), b"{ }".to_vec()).map(drop).unwrap_or(()));
    assert!(e.iter().any(|(f, m)| f == "manifest.json" && m.contains("第 4 版")), "{e:?}");
    // The index cut short.
    let e = tamper(&|s| {
        let mut i = load_index(&s[INDEX]).unwrap();
        i.releases.pop();
        s.insert(INDEX.into(), serde_json::to_vec(&i).unwrap());
    });
    assert!(e.iter().any(|(f, m)| f == INDEX && m.contains("截短")), "{e:?}");
    // No index at all.
    let e = tamper(&|s| {
        s.remove(INDEX);
    });
    assert_eq!(e.len(), 1);
}

/// The issue's budget: 1,000 releases verified in ≤ 50 ms on a phone. This prints the native
/// time of the app's check (chain and current manifest), not an assertion.
#[test]
fn verifying_a_thousand_releases() {
    let store = log(1000, 12);
    let t = std::time::Instant::now();
    let c = verify(&store, Options::CHAIN);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    assert!(c.findings.is_empty(), "{:?}", c.findings.first());
    assert_eq!(c.value.releases.len(), 1000);
    let bytes: usize = (1..=1000).map(|k| store[&release_path(k)].len()).sum();
    println!("verify: 1000 releases ({bytes} bytes of release files, 13 files each) in {ms:.1} ms (this build's profile)");
}

fn recs(json: &str) -> Vec<u8> {
    json.as_bytes().to_vec()
}

#[test]
fn diff_by_record_id_field_by_field() {
    let old = recs(
        r#"{"schema":"gongshi/donations/1","sample":true,"records":[
        {"id":"A","amount_fen":100,"origin":"published"},
        {"id":"B","amount_fen":200,"origin":"sample"},
        {"id":"C","amount_fen":300,"origin":"published","cancelled":{"date":"2024-01"}}]}"#,
    );
    let new = recs(
        r#"{"schema":"gongshi/donations/1","sample":true,"note":"new note","records":[
        {"amount_fen":100,  "id":"A","origin":"published"},
        {"id":"C","amount_fen":300,"origin":"published","cancelled":{"date":"2024-02"}},
        {"id":"D","amount_fen":400,"origin":"sample"}],
        "corrections":[{"record":"C","date":"2024-03-01","what":"取消日期更正","why":"核对"}]}"#,
    );
    let o = records("donations", &[("donations.json", &old)]).unwrap();
    let n = records("donations", &[("donations.json", &new)]).unwrap();
    let d = diff::diff("donations", &o, &n);
    assert_eq!(d.added.iter().map(|r| (r.key.as_str(), r.real)).collect::<Vec<_>>(), [("D", false)]);
    assert_eq!(d.removed.iter().map(|r| (r.key.as_str(), r.real)).collect::<Vec<_>>(), [("B", false)]);
    // A: the same values in another order and spacing is no change; the file's note is no record.
    assert_eq!(d.changed.len(), 1, "{d:?}");
    assert_eq!(d.changed[0].key, "C");
    assert_eq!(d.changed[0].fields, [diff::FieldChange { field: "cancelled.date".into(), old: Some("2024-01".into()), new: Some("2024-02".into()) }]);
    let p = |s: &str| PartialDate::parse(s).unwrap();
    // C is real: covered by its note only when dated after release 1 and not after this one.
    let ok = diff::corrections(&d, &n.notes, (1, p("2024-02-01")), p("2024-03-01"), "donations.json");
    assert!(ok.findings.is_empty());
    assert_eq!(ok.value[0].record, "C");
    for (since, date) in [("2024-03-01", "2024-03-05"), ("2024-01-01", "2024-02-28")] {
        let c = diff::corrections(&d, &n.notes, (1, p(since)), p(date), "donations.json");
        assert_eq!(c.findings.len(), 1, "{since} {date}");
        assert!(c.findings[0].message.contains("记录“C”是第 1 版公布的真实记录，本次更改了 cancelled.date：2024-01 → 2024-02"), "{}", c.findings[0].message);
    }
    let csv = diff::to_csv(&[d]);
    assert!(csv.contains("donations,C,records,真实记录,更改,cancelled.date,2024-01,2024-02\r\n"), "{csv}");
    assert!(csv.contains("donations,B,records,示例数据,删除,,,\r\n"), "{csv}");
}

#[test]
fn what_a_record_is_per_dataset() {
    let rect = recs(r#"{"title":"T","published":"2023-09-18","problems":[{"no":9,"status":"in_progress"}],"next_steps":[]}"#);
    let rect2 = recs(r#"{"title":"T","published":"2023-09-18","problems":[{"no":9,"status":"done"}],"next_steps":[]}"#);
    let d = diff::diff("rectification", &records("rectification", &[("r.json", &rect)]).unwrap(), &records("rectification", &[("r.json", &rect2)]).unwrap());
    assert_eq!((d.changed.len(), d.changed[0].key.as_str(), d.changed[0].real), (1, "9", true));
    let rel = recs(r#"{"records":[],"aggregates":[{"programme":"p","county":"全市","year":2021,"people":5,"origin":"sample"}]}"#);
    let r = records("relief", &[("relief.json", &rel)]).unwrap();
    assert_eq!((r.records[0].key.as_str(), r.records[0].section, r.records[0].real), ("p/全市/2021", "aggregates", false));
    let cov = recs(r#"{"city":{"units_total":41},"counties":[{"county":"甲","origin":"sample"}],"teams_after":[{"type":"救护","origin":"sample"}]}"#);
    let keys: Vec<(String, bool)> = records("coverage", &[("c.json", &cov)]).unwrap().records.into_iter().map(|r| (r.key, r.real)).collect();
    assert_eq!(keys, [("甲".to_string(), false), ("救护".to_string(), false), ("city".to_string(), true)]);
    // A dataset in parts is the records of all its parts.
    let (a, b) = (recs(r#"{"records":[{"id":"X"}]}"#), recs(r#"{"records":[{"id":"Y"}]}"#));
    assert_eq!(records("donations", &[("d.json", &a), ("d-2024.json", &b)]).unwrap().records.len(), 2);
    // A record without its key cannot be compared.
    assert!(records("donations", &[("d.json", &recs(r#"{"records":[{"amount_fen":1}]}"#))]).is_err());
}

/// A store that brings its own digests (the app's, computed by the browser) is checked with them:
/// the same answer as hashing the bytes, and a digest that does not match what the index
/// records is the same alarm.
#[test]
fn digests_from_the_store_are_checked_like_hashed_bytes() {
    struct WithDigests(BTreeMap<String, Vec<u8>>, BTreeMap<String, String>);
    impl Store for WithDigests {
        fn read(&self, path: &str) -> Option<std::borrow::Cow<'_, [u8]>> {
            self.0.read(path)
        }
        fn sha256(&self, path: &str) -> Option<String> {
            self.1.get(path).cloned()
        }
    }
    let files = log(3, 2);
    let digests: BTreeMap<String, String> =
        files.iter().filter(|(p, _)| p.contains("releases/")).map(|(p, b)| (p.clone(), crate::integrity::sha256_hex(b))).collect();
    let good = WithDigests(files.clone(), digests.clone());
    let c = verify(&good, Options::ALL);
    assert!(!c.has_errors(), "{:?}", c.findings);
    assert_eq!(c.value.fingerprint(), verify(&files, Options::ALL).value.fingerprint());
    let mut wrong = digests;
    wrong.insert(release_path(2), "0".repeat(64));
    let c = verify(&WithDigests(files, wrong), Options::ALL);
    assert!(c.findings.iter().any(|d| d.file == release_path(2)), "{:?}", c.findings);
}
