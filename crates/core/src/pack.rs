//! The compact companion of a donations part ("pack"): the part's records in a small binary
//! form, written by the publisher tool next to the JSON (`donations-2021.json` →
//! `donations-2021.pack`), so the app can skip JSON parsing for a large ledger. This module is
//! the format and its reader; the writer is `gongshi_publish::pack`.
//!
//! The JSON stays the published source of truth, and a pack is trusted no further than the
//! JSON would be: the records read from a pack go through exactly the validation that records
//! read from the JSON go through ([`crate::ledger`]'s), and a pack carries no problems of its own.
//! A pack is written only for a part whose JSON validated without any problem, so a pack whose
//! records do not validate cleanly is refused ([`PackError::Invalid`]) and the app reads the JSON.
//! A pack names the SHA-256 of the JSON it was made from; the app uses it only when that equals
//! the manifest's checksum of the part's JSON (and the pack's own bytes match the manifest's
//! checksum of the pack). `gongshi check` decodes every pack and compares it with its JSON,
//! record by record.
//!
//! Format (version 2), all integers unsigned LEB128 unless said:
//!
//! ```text
//! magic   "GSPACK" 0x02 "\n"
//! kind    1 byte (1 = donations)
//! source  32 bytes: SHA-256 of the JSON part; then the JSON's file name (string)
//! rules   the version of gongshi that wrote it (string): validation may change between
//!         versions, so another version's pack is not used
//! sample  1 byte: the file's `sample` flag (0 false, 1 true)
//! texts   count, then each string          -- donor, project and purpose texts, shared
//! records count, then each record:
//!   flags        1 byte: 1 directed, 2 directed_to, 4 platform, 8 receipt, 16 corrections
//!   donor_kind, channel, status, origin   1 byte each (index in the enum's ALL; origin
//!                                          0 = sample, 1 = published, 2 = seed + its number)
//!   date         year·512 + month·32 + day (0 = not given)
//!   amount       fen, zigzag
//!   id           front-coded: bytes shared with the previous record's id, then the rest
//!                (string); ids run in sequence, so this is a byte or two
//!   donor, project              text number
//!   [directed_to]               text number
//!   [platform]                  string
//!   [receipt]                   front-coded against the previous receipt
//!   [corrections]               count, then date and string each
//! seal    8 bytes: FNV-1a (64-bit) of every byte before it, little-endian
//! ```
//! A string is its byte length, then UTF-8 bytes. The decoder checks the seal first (any one
//! changed byte changes it), then every length, index, enum code and date, and that nothing
//! follows the last record: a damaged pack is refused with the byte where it went wrong, never
//! half-read.

use crate::date::PartialDate;
use crate::diag::Checked;
use crate::ledger::{Channel, Donation, DonationStatus, DonorKind, RawCorrection, RawDonation, RawFile, RawInt};

/// The first bytes of every pack (format version 2).
pub const MAGIC: &[u8; 8] = b"GSPACK\x02\n";
/// The seal's length: FNV-1a 64 of the bytes before it.
pub const SEAL: usize = 8;

/// Rewrites the seal of `bytes` (the last [`SEAL`] bytes, appended when shorter) so that a
/// fuzzer reaches the checks behind it. For the fuzz target only.
#[doc(hidden)]
pub fn reseal_for_fuzzing(bytes: &mut Vec<u8>) {
    bytes.extend_from_slice(&[0; SEAL]);
    let n = bytes.len() - SEAL;
    let seal = fnv1a(&bytes[..n]);
    bytes[n..].copy_from_slice(&seal.to_le_bytes());
}

/// FNV-1a, 64 bits. Any single changed byte changes it (each step is a bijection of the state).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
/// What a pack holds: the byte after [`MAGIC`].
pub const KIND_DONATIONS: u8 = 1;
/// The validation a pack's records went through: this version of gongshi's.
pub const RULES: &str = env!("CARGO_PKG_VERSION");

/// The pack's file name for a JSON part: `donations-2021.json` → `donations-2021.pack`.
pub fn pack_name(json_file: &str) -> String {
    format!("{}.pack", json_file.strip_suffix(".json").unwrap_or(json_file))
}

// ------------------------------------------------------------------------------- reading

/// Why a pack could not be used. The app then reads the JSON (and says so); `gongshi check`
/// reports it as an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a pack, or another format version.
    NotAPack,
    /// Made from other bytes than the JSON the manifest now lists (the JSON was replaced and
    /// the pack not written again).
    Stale,
    /// Written by another version of gongshi (named), whose validation may differ.
    Rules(String),
    /// Damaged or inconsistent at this byte.
    Damaged(usize),
    /// Read, but its records do not pass the validation the JSON's records pass (the first
    /// problem, in Chinese and English): a pack is only ever written for a part without problems.
    Invalid(String, String),
}

impl PackError {
    /// The reason, in Chinese and English.
    pub fn reason(&self) -> (String, String) {
        match self {
            PackError::NotAPack => ("不是本版本 gongshi 写的快速加载文件".into(), "it is not a fast-load file written by this version of gongshi".into()),
            PackError::Stale => {
                ("它是由旧版本的 JSON 生成的，与现在的 JSON 不对应".into(), "it was made from an earlier version of the JSON and does not match it".into())
            }
            PackError::Rules(v) => (
                format!("它由 gongshi {v} 生成，与本版本（{RULES}）的检查规则可能不同"),
                format!("it was made by gongshi {v}, whose checks may differ from this version's ({RULES})"),
            ),
            PackError::Damaged(at) => (format!("文件在第 {at} 个字节处损坏"), format!("the file is damaged at byte {at}")),
            PackError::Invalid(zh, en) => (format!("其中的记录未通过检查（{zh}）"), format!("its records do not pass the checks ({en})")),
        }
    }
}

struct R<'a> {
    b: &'a [u8],
    at: usize,
}

type Res<T> = Result<T, PackError>;

impl<'a> R<'a> {
    fn bad<T>(&self) -> Res<T> {
        Err(PackError::Damaged(self.at))
    }
    #[inline]
    fn byte(&mut self) -> Res<u8> {
        match self.b.get(self.at) {
            Some(&x) => {
                self.at += 1;
                Ok(x)
            }
            None => self.bad(),
        }
    }
    #[inline]
    fn u(&mut self) -> Res<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            if shift == 63 && b > 1 {
                return self.bad();
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                return self.bad();
            }
        }
    }
    fn len(&mut self) -> Res<usize> {
        let n = self.u()?;
        if n > (self.b.len() - self.at) as u64 {
            return self.bad();
        }
        Ok(n as usize)
    }
    /// A count of items that take at least one byte each.
    fn count(&mut self) -> Res<usize> {
        self.len()
    }
    fn bytes(&mut self, n: usize) -> Res<&'a [u8]> {
        let s = self.b.get(self.at..self.at + n).map_or_else(|| self.bad(), Ok)?;
        self.at += n;
        Ok(s)
    }
    #[inline]
    fn s(&mut self) -> Res<&'a str> {
        let start = self.at;
        let n = self.len()?;
        let b = self.bytes(n)?;
        std::str::from_utf8(b).map_err(|_| PackError::Damaged(start))
    }
    /// A front-coded string (see [`W::front`]) after `prev`.
    fn front(&mut self, prev: &str) -> Res<String> {
        let at = self.at;
        let k = self.u()?;
        if k > prev.len() as u64 || !prev.is_char_boundary(k as usize) {
            return Err(PackError::Damaged(at));
        }
        let rest = self.s()?;
        let mut out = String::with_capacity(k as usize + rest.len());
        out.push_str(&prev[..k as usize]);
        out.push_str(rest);
        Ok(out)
    }
    fn pick<T: Copy>(&mut self, all: &[T]) -> Res<T> {
        let at = self.at;
        let i = self.byte()? as usize;
        all.get(i).copied().ok_or(PackError::Damaged(at))
    }
    fn date(&mut self) -> Res<PartialDate> {
        let at = self.at;
        let v = self.u()?;
        let (year, month, day) = ((v / 512) as u16, ((v / 32) % 16) as u8, (v % 32) as u8);
        let d = PartialDate { year, month: (month > 0).then_some(month), day: (day > 0).then_some(day) };
        // The years PartialDate::parse accepts.
        let ok = (1900..=9999).contains(&(v / 512))
            && match (d.month, d.day) {
                (None, None) => true,
                (Some(m), None) => (1..=12).contains(&m),
                (Some(m), Some(dd)) => (1..=12).contains(&m) && dd <= crate::date::days_in_month(year, m),
                (None, Some(_)) => false,
            };
        if ok {
            Ok(d)
        } else {
            Err(PackError::Damaged(at))
        }
    }
}

/// Reads a donations pack made from the JSON whose SHA-256 is `source_sha256` (lowercase hex,
/// the manifest's checksum of the part), and validates its records exactly as the JSON's records
/// are validated ([`crate::ledger::validate_donations_in`]). Any problem refuses the pack.
#[inline(never)] // stays compiled for speed in this crate (see Cargo.toml)
pub fn decode_donations(bytes: &[u8], source_sha256: &str) -> Result<Checked<Vec<Donation>>, PackError> {
    let (file, raw) = decode_raw(bytes, source_sha256)?;
    let checked = crate::ledger::validate_donations_in(&file, raw);
    match checked.findings.first() {
        None => Ok(checked),
        Some(p) => {
            let zh = format!("{} {}", p.path, p.message);
            Err(PackError::Invalid(zh.clone(), p.message_en.as_ref().map(|en| format!("{} {en}", p.path)).unwrap_or(zh)))
        }
    }
}

/// The pack's records as they would be read from its JSON, before validation.
fn decode_raw(bytes: &[u8], source_sha256: &str) -> Result<(String, RawFile<RawDonation>), PackError> {
    if bytes.len() < MAGIC.len() + 1 + 32 + SEAL || &bytes[..MAGIC.len()] != MAGIC || bytes[MAGIC.len()] != KIND_DONATIONS {
        return Err(PackError::NotAPack);
    }
    let (body, seal) = bytes.split_at(bytes.len() - SEAL);
    if fnv1a(body).to_le_bytes() != seal {
        return Err(PackError::Damaged(body.len()));
    }
    let mut r = R { b: body, at: MAGIC.len() + 1 };
    let sha = r.bytes(32)?;
    if !crate::integrity::hex(sha).eq_ignore_ascii_case(source_sha256) {
        return Err(PackError::Stale);
    }
    let source_file = r.s()?.to_string();
    let at = r.at;
    let rules = r.s()?;
    if rules.len() > 40 || !rules.bytes().all(|b| b.is_ascii_alphanumeric() || b".-+".contains(&b)) {
        return Err(PackError::Damaged(at));
    }
    if rules != RULES {
        return Err(PackError::Rules(rules.to_string()));
    }
    let at = r.at;
    let sample = match r.byte()? {
        0 => false,
        1 => true,
        _ => return Err(PackError::Damaged(at)),
    };
    let n = r.count()?;
    let mut texts: Vec<&str> = Vec::with_capacity(n);
    for _ in 0..n {
        texts.push(r.s()?);
    }
    let text = |r: &mut R, texts: &[&str]| -> Res<String> {
        let at = r.at;
        let i = r.u()? as usize;
        texts.get(i).map(|t| t.to_string()).ok_or(PackError::Damaged(at))
    };
    let n = r.count()?;
    // A record takes at least MIN_RECORD bytes, so a hostile count cannot reserve more records
    // than the bytes left could hold (a RawDonation is a few hundred bytes in memory).
    const MIN_RECORD: usize = 12;
    let mut out: Vec<RawDonation> = Vec::with_capacity(n.min((body.len() - r.at) / MIN_RECORD));
    let mut prev_receipt = String::new();
    for _ in 0..n {
        let at = r.at;
        let flags = r.byte()?;
        if flags >> 5 != 0 || (flags & 2 != 0 && flags & 1 == 0) {
            return Err(PackError::Damaged(at));
        }
        let donor_kind = r.pick(&DonorKind::ALL)?;
        let channel = r.pick(&Channel::ALL)?;
        let status = r.pick(&DonationStatus::ALL)?;
        let at = r.at;
        let (origin, problem) = match r.byte()? {
            0 => ("sample", None),
            1 => ("published", None),
            2 => ("seed", Some(u32::try_from(r.u()?).map_err(|_| PackError::Damaged(at))?)),
            _ => return Err(PackError::Damaged(at)),
        };
        let date = r.date()?;
        let z = r.u()?;
        let amount = ((z >> 1) as i64) ^ -((z & 1) as i64);
        let id = r.front(out.last().and_then(|d| d.id.as_deref()).unwrap_or(""))?;
        let donor = text(&mut r, &texts)?;
        let project = text(&mut r, &texts)?;
        let directed_to = if flags & 2 != 0 { Some(text(&mut r, &texts)?) } else { None };
        let platform = if flags & 4 != 0 { Some(r.s()?.to_string()) } else { None };
        let receipt = if flags & 8 != 0 {
            let x = r.front(&prev_receipt)?;
            prev_receipt.clone_from(&x);
            Some(x)
        } else {
            None
        };
        let mut corrections = Vec::new();
        if flags & 16 != 0 {
            let k = r.count()?;
            for _ in 0..k {
                let date = r.date()?;
                corrections.push(RawCorrection { date: Some(date.to_string()), text: Some(r.s()?.to_string()) });
            }
        }
        out.push(RawDonation {
            id: Some(id),
            date: Some(date.to_string()),
            donor: Some(donor),
            donor_kind: Some(donor_kind.key().to_string()),
            amount_fen: Some(RawInt::Int(amount)),
            directed: Some(flags & 1 != 0),
            directed_to,
            channel: Some(channel.key().to_string()),
            platform,
            project: Some(project),
            receipt,
            status: Some(status.key().to_string()),
            corrections,
            origin: Some(origin.to_string()),
            problem,
        });
    }
    if r.at != body.len() {
        return r.bad();
    }
    Ok((source_file, RawFile { schema: None, sample: Some(sample), note: None, records: out, corrections: Vec::new() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(pack_name("donations-2021.json"), "donations-2021.pack");
        assert_eq!(pack_name("donations-2021-2.json"), "donations-2021-2.pack");
    }

    #[test]
    fn enum_codes_are_part_of_the_format() {
        // The pack stores each enum as its position in ALL: reordering ALL would misread
        // every pack already published. (Add new values at the end, or bump MAGIC.)
        assert_eq!(DonorKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(), ["individual", "enterprise", "organisation", "government", "anonymous"]);
        assert_eq!(Channel::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(), ["bank_transfer", "online_platform", "wechat", "cash", "other"]);
        assert_eq!(DonationStatus::ALL.iter().map(|k| k.key()).collect::<Vec<_>>(), ["received", "refunded", "cancelled"]);
    }
}
