//! 捐赠查询's answer shards: for a ledger published in parts, the publisher tool (`gongshi
//! manifest`) also writes, per bucket of receipt numbers and donation ids, the donations whose
//! number falls in it and everything their answer needs: every disbursement such a donation paid
//! for, and every other donation that shared one of them (its amount decides the share). A donor's
//! question then reads one small file instead of a year of the ledger and the whole disbursements
//! file. This module is the format, the bucket of a number, and the reader; the writer is
//! `gongshi_publish::shard`.
//!
//! A shard is trusted no further than the files it was made from: it names the SHA-256 of every
//! donations part and of the disbursements file it was computed from ([`RawShard::sources`]), and
//! the app uses it only when they are exactly the manifest's checksums of those files (data
//! replaced since: the app reads the parts, as without shards). Its two lists have the ledger
//! files' own format and go through exactly their validation; a shard with any problem is not
//! used. `gongshi check` computes every shard again and compares it with the file.
//!
//! The answer is the same [`super::lookup::lookup`] over the shard's records: a number not in
//! the shard is no donation's (its bucket holds every donation whose id or receipt number reads
//! as it), so only a goods batch id remains to be looked for, in the goods file.

use super::{validate_disbursements, validate_donations_in, Disbursement, Donation, RawDisbursement, RawDonation, RawFile};
use crate::diag::{Checked, Diagnostic};
use crate::search::normalize;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `schema` a shard carries.
pub const SCHEMA: &str = "gongshi-lookup-shard-1";

/// At most this many buckets (their file names have four digits).
pub const MAX_BUCKETS: u32 = 4096;

/// About this many donations per bucket, when the publisher chooses how many buckets.
pub const PER_BUCKET: usize = 100;

/// One shard file, as published.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct RawShard {
    pub schema: Option<String>,
    /// Which bucket of how many.
    pub bucket: Option<u32>,
    pub buckets: Option<u32>,
    /// The SHA-256 (lowercase hex) of each file it was computed from, by file name: every
    /// donations part and the disbursements file.
    pub sources: BTreeMap<String, String>,
    /// The donations of the bucket, and those that shared a disbursement with one of them.
    pub donations: RawFile<RawDonation>,
    /// Every disbursement paid from one of the bucket's donations.
    pub disbursements: RawFile<RawDisbursement>,
}

/// A shard read and validated.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Shard {
    pub donations: Vec<Donation>,
    pub disbursements: Vec<Disbursement>,
}

/// How many buckets for a ledger of `donations` records: about [`PER_BUCKET`] a bucket, a power
/// of two, at most [`MAX_BUCKETS`].
pub fn buckets_for(donations: usize) -> u32 {
    let want = donations.div_ceil(PER_BUCKET).max(1);
    (want.next_power_of_two() as u32).min(MAX_BUCKETS)
}

/// The bucket a receipt number or donation id falls in, read as the lookup reads it (width,
/// case and spaces ignored): FNV-1a of its normalised form.
pub fn bucket(number: &str, buckets: u32) -> u32 {
    (crate::pack::fnv1a(normalize(number).as_bytes()) % u64::from(buckets.max(1))) as u32
}

/// A bucket's file name, in the data folder beside the parts.
pub fn file_name(bucket: u32) -> String {
    format!("lookup-{bucket:04}.json")
}

/// Whether `name` is a shard's file name (what the publisher may replace).
pub fn is_file_name(name: &str) -> bool {
    name.strip_prefix("lookup-").and_then(|r| r.strip_suffix(".json")).is_some_and(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads shard `file`: its format, then whether it was made from exactly `sources` (the
/// manifest's checksums), then both lists with the ledger files' validation. Any problem is an
/// error (the app then reads the parts): a stale shard is not a wrong answer.
pub fn read(file: &str, text: &str, bucket: u32, buckets: u32, sources: &BTreeMap<String, String>) -> Result<Shard, Diagnostic> {
    let raw: RawShard = crate::json::parse(file, text)?;
    if raw.schema.as_deref() != Some(SCHEMA) || raw.bucket != Some(bucket) || raw.buckets != Some(buckets) {
        return Err(Diagnostic::error(file, "", format!("不是第 {bucket} 组（共 {buckets} 组）的查询文件"))
            .en(format!("not the lookup file of bucket {bucket} of {buckets}")));
    }
    if &raw.sources != sources {
        return Err(Diagnostic::error(file, "sources", "查询文件不是由现在的捐赠和支出文件生成的（数据已更新，请重新运行 gongshi manifest）")
            .en("the lookup file was not made from the current donations and disbursements files (the data changed; run gongshi manifest again)"));
    }
    let donations = validate_donations_in(file, raw.donations);
    if let Some(e) = first_error(&donations) {
        return Err(e);
    }
    let disbursements = validate_disbursements(raw.disbursements);
    if let Some(e) = first_error(&disbursements) {
        return Err(e);
    }
    Ok(Shard { donations: donations.value, disbursements: disbursements.value })
}

fn first_error<T>(c: &Checked<T>) -> Option<Diagnostic> {
    c.errors().next().cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_falls_in_one_bucket_however_it_is_typed() {
        let b = bucket("XNHH-2019-000002", 512);
        assert!(b < 512);
        assert_eq!(bucket(" ｘｎｈｈ-2019-000002 ", 512), b, "width, case and spaces as the lookup reads them");
        assert_ne!((0..64).map(|i| bucket(&format!("D2019-{i:05}"), 512)).collect::<std::collections::BTreeSet<_>>().len(), 1, "numbers spread");
        assert_eq!(bucket("anything", 1), 0);
    }

    #[test]
    fn buckets_are_a_power_of_two_of_about_a_hundred_donations() {
        assert_eq!(buckets_for(0), 1);
        assert_eq!(buckets_for(100), 1);
        assert_eq!(buckets_for(101), 2);
        assert_eq!(buckets_for(100_000), 1024);
        assert_eq!(buckets_for(10_000_000), MAX_BUCKETS);
        assert_eq!(file_name(7), "lookup-0007.json");
        assert!(is_file_name("lookup-4095.json") && !is_file_name("lookup-1.json") && !is_file_name("donations-2019.json"));
    }

    #[test]
    fn a_shard_of_other_files_or_another_bucket_is_refused() {
        let sources: BTreeMap<String, String> = [("donations-2019.json".to_string(), "a".repeat(64))].into();
        let shard = |bucket: u32, src: &BTreeMap<String, String>| {
            serde_json::to_string(&RawShard {
                schema: Some(SCHEMA.into()),
                bucket: Some(bucket),
                buckets: Some(8),
                sources: src.clone(),
                donations: RawFile { sample: Some(false), ..Default::default() },
                disbursements: RawFile { sample: Some(false), ..Default::default() },
            })
            .unwrap()
        };
        assert_eq!(read("lookup-0003.json", &shard(3, &sources), 3, 8, &sources), Ok(Shard::default()));
        assert!(read("lookup-0003.json", &shard(2, &sources), 3, 8, &sources).is_err(), "another bucket");
        let other: BTreeMap<String, String> = [("donations-2019.json".to_string(), "b".repeat(64))].into();
        let e = read("lookup-0003.json", &shard(3, &other), 3, 8, &sources).unwrap_err();
        assert!(e.message.contains("gongshi manifest"), "{e:?}");
    }
}
