//! Writes 捐赠查询's answer shards ([`gongshi_core::ledger::shard`]: the format, the bucket of a
//! number, the reader): for each bucket, the donations whose id or receipt number falls in it,
//! every disbursement they paid for, and the other donations that shared one (for the share).

use gongshi_core::ledger::shard::{bucket, file_name, RawShard, SCHEMA};
use gongshi_core::ledger::{RawDisbursement, RawDonation, RawFile, DISBURSEMENTS_SCHEMA, DONATIONS_SCHEMA};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Every shard of `buckets`, as (file name, JSON text), for the donations of every part (in
/// part order) and the disbursements file; `sources` is what they were computed from (file name →
/// SHA-256). Records keep their order in the files; the same input gives the same bytes.
/// One at a time (a ledger of a million donations has thousands, of about 100 KB each).
pub fn write<'a>(
    donations: &'a [RawDonation],
    disbursements: &'a [RawDisbursement],
    buckets: u32,
    sources: &'a BTreeMap<String, String>,
) -> impl Iterator<Item = (String, String)> + 'a {
    let position: HashMap<&str, usize> = donations.iter().enumerate().filter_map(|(i, d)| Some((d.id.as_deref()?, i))).collect();
    // Which disbursements each donation paid for.
    let mut paid: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, x) in disbursements.iter().enumerate() {
        for id in &x.from_donations {
            if let Some(&i) = position.get(id.as_str()) {
                paid.entry(i).or_default().push(j);
            }
        }
    }
    let mut members: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); buckets as usize];
    for (i, d) in donations.iter().enumerate() {
        for number in [d.id.as_deref(), d.receipt.as_deref()].into_iter().flatten() {
            members[bucket(number, buckets) as usize].insert(i);
        }
    }
    members.into_iter().enumerate().map(move |(b, own)| {
        let uses: BTreeSet<usize> = own.iter().flat_map(|i| paid.get(i).into_iter().flatten().copied()).collect();
        let mut with: BTreeSet<usize> = own;
        for &j in &uses {
            with.extend(disbursements[j].from_donations.iter().filter_map(|id| position.get(id.as_str()).copied()));
        }
        let donations: Vec<RawDonation> = with.into_iter().map(|i| donations[i].clone()).collect();
        let disbursements: Vec<RawDisbursement> = uses.into_iter().map(|j| disbursements[j].clone()).collect();
        let sample_d = donations.iter().any(|d| d.origin.as_deref() == Some("sample"));
        let sample_x = disbursements.iter().any(|x| x.origin.as_deref() == Some("sample"));
        let shard = RawShard {
            schema: Some(SCHEMA.into()),
            bucket: Some(b as u32),
            buckets: Some(buckets),
            sources: sources.clone(),
            donations: RawFile { schema: Some(DONATIONS_SCHEMA.into()), sample: Some(sample_d), note: None, records: donations, corrections: Vec::new() },
            disbursements: RawFile {
                schema: Some(DISBURSEMENTS_SCHEMA.into()),
                sample: Some(sample_x),
                note: None,
                records: disbursements,
                corrections: Vec::new(),
            },
        };
        (file_name(b as u32), serde_json::to_string(&shard).expect("plain data") + "\n")
    })
}

/// The shards of a data folder's donations in parts, each given to `each` (file name, text);
/// returns how many buckets. `parts` are
/// the donations parts and `disbursements` the disbursements file, each as (file name, SHA-256
/// as the manifest records it); `files` the folder's bytes by name. An error names a file that is
/// missing or does not read as its format.
pub fn for_folder(
    parts: &[(String, String)],
    disbursements: (&str, &str),
    files: &BTreeMap<String, Vec<u8>>,
    mut each: impl FnMut(String, String) -> Result<(), String>,
) -> Result<u32, String> {
    let read = |name: &str| files.get(name).ok_or_else(|| format!("{name} 不存在"));
    let mut donations = Vec::new();
    let mut sources = BTreeMap::new();
    for (file, sha) in parts {
        let raw: RawFile<RawDonation> = serde_json::from_slice(read(file)?).map_err(|e| format!("{file}: {e}"))?;
        donations.extend(raw.records);
        sources.insert(file.clone(), sha.clone());
    }
    let (xfile, xsha) = disbursements;
    let raw: RawFile<RawDisbursement> = serde_json::from_slice(read(xfile)?).map_err(|e| format!("{xfile}: {e}"))?;
    sources.insert(xfile.to_string(), xsha.to_string());
    let buckets = gongshi_core::ledger::shard::buckets_for(donations.len());
    for (name, text) in write(&donations, &raw.records, buckets, &sources) {
        each(name, text)?;
    }
    Ok(buckets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongshi_core::ledger::lookup::{lookup, Answer, Ask};
    use gongshi_core::ledger::Goods;

    fn donation(id: &str, receipt: &str, yuan: i64) -> RawDonation {
        serde_json::from_value(serde_json::json!({
            "id": id, "date": format!("{}-03-01", &id[1..5]), "donor": "某公司", "donor_kind": "enterprise", "amount_fen": yuan * 100,
            "directed": true, "directed_to": "大病救助", "channel": "bank_transfer", "project": "人道救助", "receipt": receipt,
            "status": "received", "origin": "sample"
        }))
        .unwrap()
    }

    fn paid(id: &str, yuan: i64, from: &[&str]) -> RawDisbursement {
        serde_json::from_value(serde_json::json!({
            "id": id, "date": "2021-06-01", "purpose": "救助", "project": "人道救助", "recipient": "某镇", "amount_fen": yuan * 100,
            "from_donations": from, "category": "aid", "origin": "sample"
        }))
        .unwrap()
    }

    /// Every donation's answer from its shard alone equals its answer over the whole ledger: by
    /// id and by receipt number, the shares of a disbursement paid by donations of two years
    /// included.
    #[test]
    fn each_shard_answers_as_the_whole_ledger_does() {
        let ds: Vec<RawDonation> = (0..40).map(|i| donation(&format!("D{}-{i:05}", 2019 + i % 3), &format!("R-{}-{i:06}", 2019 + i % 3), 1_000 + i)).collect();
        let xs: Vec<RawDisbursement> = (0..30)
            .map(|j| {
                let a = ds[j].id.clone().unwrap();
                let b = ds[(j * 7 + 3) % 40].id.clone().unwrap();
                if j % 3 == 0 {
                    paid(&format!("P{j}"), 300, &[&a, &b])
                } else {
                    paid(&format!("P{j}"), 200, &[&a])
                }
            })
            .collect();
        let sources: BTreeMap<String, String> = [("donations-2019.json".to_string(), "0".repeat(64))].into();
        let whole_d = gongshi_core::ledger::validate_donations(RawFile { sample: Some(true), records: ds.clone(), ..Default::default() }).value;
        let whole_x = gongshi_core::ledger::validate_disbursements(RawFile { sample: Some(true), records: xs.clone(), ..Default::default() }).value;
        let goods = Goods::default();
        let buckets = 8;
        let shards: Vec<_> = write(&ds, &xs, buckets, &sources).collect();
        assert_eq!(shards.len(), 8);
        assert_eq!(shards, write(&ds, &xs, buckets, &sources).collect::<Vec<_>>(), "the same bytes each time");
        let mut shared_seen = 0;
        for d in &ds {
            for number in [d.id.clone().unwrap(), d.receipt.clone().unwrap().to_lowercase()] {
                let b = bucket(&number, buckets);
                let (name, text) = &shards[b as usize];
                let shard = gongshi_core::ledger::shard::read(name, text, b, buckets, &sources).expect("a clean shard");
                let ask = Ask { number: number.clone(), ..Default::default() };
                let from_shard = lookup(&ask, &shard.donations, &shard.disbursements, &goods);
                let whole = lookup(&ask, &whole_d, &whole_x, &goods);
                assert!(matches!(&whole, Answer::Donations(f) if f.len() == 1), "{number}");
                if let Answer::Donations(f) = &whole {
                    shared_seen += f[0].uses.iter().filter(|u| u.sources > 1).count();
                }
                assert_eq!(from_shard, whole, "{number}");
            }
        }
        assert!(shared_seen > 0, "the test covers shared disbursements");
        // A number no donation has: its shard answers "not found", as the whole ledger does.
        let (name, text) = &shards[bucket("R-2099-000001", buckets) as usize];
        let shard = gongshi_core::ledger::shard::read(name, text, bucket("R-2099-000001", buckets), buckets, &sources).unwrap();
        assert_eq!(lookup(&Ask { number: "R-2099-000001".into(), ..Default::default() }, &shard.donations, &shard.disbursements, &goods), Answer::NotFound);
    }
}
