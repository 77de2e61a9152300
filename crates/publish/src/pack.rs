//! Writing packs, the compact companions of donations parts (`gongshi manifest` writes one
//! next to each part without problems). The format, its reader and why a pack is trusted no
//! further than its JSON are in [`gongshi_core::pack`]; this is the only writer.

use gongshi_core::date::PartialDate;
use gongshi_core::ledger::{Channel, Donation, DonationStatus, DonorKind, Origin};
use gongshi_core::pack::{fnv1a, KIND_DONATIONS, MAGIC, RULES};
use std::collections::HashMap;

struct W(Vec<u8>);

impl W {
    fn u(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }
    fn s(&mut self, s: &str) {
        self.u(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    /// `s` as the number of leading bytes it shares with `prev` (at a character boundary) and
    /// the rest.
    fn front(&mut self, prev: &str, s: &str) {
        let mut k = prev.bytes().zip(s.bytes()).take_while(|(a, b)| a == b).count();
        while !s.is_char_boundary(k) {
            k -= 1;
        }
        self.u(k as u64);
        self.s(&s[k..]);
    }
}

fn date_code(d: PartialDate) -> u64 {
    d.year as u64 * 512 + d.month.unwrap_or(0) as u64 * 32 + d.day.unwrap_or(0) as u64
}

fn index_of<T: PartialEq>(all: &[T], v: &T) -> u8 {
    all.iter().position(|x| x == v).expect("every value is in ALL") as u8
}

/// The pack of a donations part: `source` is the JSON file's bytes exactly as published (its
/// SHA-256 ties the pack to it), `sample` its `sample` flag and `records` what
/// [`gongshi_core::ledger::load_donations_part`] made of it. Only for a part that validated without
/// any problem: the app refuses a pack whose records do not (see [`gongshi_core::pack`]).
pub fn encode_donations(source_file: &str, source: &[u8], sample: bool, records: &[Donation]) -> Vec<u8> {
    let mut w = W(Vec::with_capacity(64 + records.len() * 48));
    w.0.extend_from_slice(MAGIC);
    w.0.push(KIND_DONATIONS);
    w.0.extend_from_slice(&gongshi_core::integrity::sha256(source));
    w.s(source_file);
    w.s(RULES);
    w.0.push(sample as u8);
    // Shared texts, numbered in order of first use.
    let mut texts: HashMap<&str, u64> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for d in records {
        for t in [Some(&*d.donor), Some(&*d.project), d.directed_to.as_deref()].into_iter().flatten() {
            texts.entry(t).or_insert_with(|| {
                order.push(t);
                order.len() as u64 - 1
            });
        }
    }
    w.u(order.len() as u64);
    for t in &order {
        w.s(t);
    }
    w.u(records.len() as u64);
    let (mut prev_id, mut prev_receipt) = ("", "");
    for d in records {
        let flags = d.directed as u8
            | (d.directed_to.is_some() as u8) << 1
            | (d.platform.is_some() as u8) << 2
            | (d.receipt.is_some() as u8) << 3
            | (!d.corrections.is_empty() as u8) << 4;
        w.0.push(flags);
        w.0.push(index_of(&DonorKind::ALL, &d.donor_kind));
        w.0.push(index_of(&Channel::ALL, &d.channel));
        w.0.push(index_of(&DonationStatus::ALL, &d.status));
        match d.origin {
            Origin::Sample => w.0.push(0),
            Origin::Published => w.0.push(1),
            Origin::Seed(n) => {
                w.0.push(2);
                w.u(n as u64);
            }
        }
        w.u(date_code(d.date));
        let a = d.amount.0;
        w.u(((a << 1) ^ (a >> 63)) as u64);
        w.front(prev_id, &d.id);
        prev_id = &d.id;
        w.u(texts[&*d.donor]);
        w.u(texts[&*d.project]);
        if let Some(t) = &d.directed_to {
            w.u(texts[&**t]);
        }
        if let Some(p) = &d.platform {
            w.s(p);
        }
        if let Some(r) = &d.receipt {
            w.front(prev_receipt, r);
            prev_receipt = r;
        }
        if !d.corrections.is_empty() {
            w.u(d.corrections.len() as u64);
            for c in &d.corrections {
                w.u(date_code(c.date));
                w.s(&c.text);
            }
        }
    }
    let seal = fnv1a(&w.0);
    w.0.extend_from_slice(&seal.to_le_bytes());
    w.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongshi_core::diag::Checked;
    use gongshi_core::integrity::sha256_hex;
    use gongshi_core::ledger::{load_donations_part, RawDonation, RawFile};
    use gongshi_core::pack::{decode_donations, PackError, SEAL};

    fn json(records: Vec<RawDonation>) -> String {
        serde_json::to_string(&RawFile { schema: None, sample: Some(true), note: None, records, corrections: Vec::new() }).unwrap()
    }

    fn pack_of(file: &str, text: &str) -> Vec<u8> {
        let checked = load_donations_part(file, text).unwrap();
        assert!(checked.findings.is_empty(), "packs are for clean parts: {:?}", checked.findings);
        encode_donations(file, text.as_bytes(), checked.value.iter().any(|d| d.origin.is_sample()), &checked.value)
    }

    fn round_trip(file: &str, text: &str) -> (Checked<Vec<Donation>>, Checked<Vec<Donation>>) {
        let checked = load_donations_part(file, text).unwrap();
        let back = decode_donations(&pack_of(file, text), &sha256_hex(text.as_bytes())).unwrap();
        (checked, back)
    }

    /// Writes a new seal after a deliberate change, so that what is tested is the decoder's
    /// later checks, not the seal.
    fn reseal(p: &mut [u8]) {
        let n = p.len() - SEAL;
        let seal = fnv1a(&p[..n]);
        p[n..].copy_from_slice(&seal.to_le_bytes());
    }

    #[test]
    fn the_default_ledger_round_trips_exactly() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/donations.json")).unwrap();
        let (a, b) = round_trip("donations.json", &text);
        assert!(a.value.len() > 100);
        assert!(a.value.iter().any(|d| !d.corrections.is_empty()), "the default data has corrections to carry");
        assert!(a.value.iter().any(|d| d.platform.is_some()), "and platforms");
        assert_eq!(a, b);
    }

    #[test]
    fn every_value_round_trips() {
        // Bulk sample rows (every enum value), seed and published origins.
        let mut raw = crate::sample::bulk_donations(2021, 3000);
        raw[10].origin = Some("seed".into());
        raw[10].problem = Some(7);
        raw[11].origin = Some("published".into());
        let text = json(raw);
        let (a, b) = round_trip("donations-2021.json", &text);
        assert_eq!(a, b);
        assert!(b.value.iter().any(|d| d.origin == Origin::Seed(7)) && b.value.iter().any(|d| d.origin == Origin::Published));
        for k in DonorKind::ALL {
            assert!(b.value.iter().any(|d| d.donor_kind == k), "{k:?}");
        }
        for c in Channel::ALL {
            assert!(b.value.iter().any(|d| d.channel == c), "{c:?}");
        }
    }

    /// A pack carries no problems and is trusted no further than its JSON: records that the JSON
    /// validation would refuse (written here by hand, as a forger would) refuse the pack, which
    /// never shows them.
    #[test]
    fn a_crafted_pack_is_validated_like_json() {
        let text = json(crate::sample::bulk_donations(2021, 5));
        let sha = sha256_hex(text.as_bytes());
        let good = load_donations_part("d.json", &text).unwrap().value;
        let forge = |edit: &dyn Fn(&mut Vec<Donation>)| {
            let mut records = good.clone();
            edit(&mut records);
            encode_donations("d.json", text.as_bytes(), true, &records)
        };
        // A donor in no JSON, with a negative amount, marked as a real published record.
        let forged = forge(&|r| {
            r[0].donor = "不存在的捐赠人".into();
            r[0].amount = gongshi_core::Fen(-100_000);
            r[0].origin = Origin::Published;
        });
        match decode_donations(&forged, &sha) {
            Err(PackError::Invalid(zh, en)) => assert!(zh.contains("records[0].amount_fen") && en.contains("not valid"), "{zh} / {en}"),
            other => panic!("{other:?}"),
        }
        // A duplicate id; an empty donor; a directed gift without its purpose; a real record in a
        // file marked sample: false with sample records.
        let cases: Vec<Box<dyn Fn(&mut Vec<Donation>)>> = vec![
            Box::new(|r| r[1].id = r[0].id.clone()),
            Box::new(|r| r[2].donor = "".into()),
            Box::new(|r| r[2].project = " ".into()),
            Box::new(|r| {
                r[3].directed = true;
                r[3].directed_to = None;
            }),
            Box::new(|r| r[4].amount = gongshi_core::Fen(0)),
        ];
        for (k, edit) in cases.iter().enumerate() {
            assert!(matches!(decode_donations(&forge(edit.as_ref()), &sha), Err(PackError::Invalid(..))), "case {k}");
        }
        let records = good.clone();
        let pack = encode_donations("d.json", text.as_bytes(), false, &records);
        assert!(matches!(decode_donations(&pack, &sha), Err(PackError::Invalid(..))), "sample records in a file marked real");
        // The honest pack of the same JSON reads back exactly.
        assert_eq!(decode_donations(&pack_of("d.json", &text), &sha).unwrap().value, good);
    }

    #[test]
    fn a_pack_of_other_json_is_stale() {
        let text = json(crate::sample::bulk_donations(2021, 10));
        let pack = pack_of("d.json", &text);
        let other = sha256_hex(format!("{text} ").as_bytes());
        assert_eq!(decode_donations(&pack, &other), Err(PackError::Stale));
        assert_eq!(decode_donations(b"{\"records\": []}", &other), Err(PackError::NotAPack));
        let mut other_rules = pack.clone();
        let at = MAGIC.len() + 1 + 32 + 1 + "d.json".len() + 1;
        assert_eq!(&other_rules[at..at + RULES.len()], RULES.as_bytes());
        other_rules[at] = b'X';
        reseal(&mut other_rules);
        assert!(matches!(decode_donations(&other_rules, &sha256_hex(text.as_bytes())), Err(PackError::Rules(_))));
        let mut v1 = pack.clone();
        v1[6] = 1;
        assert_eq!(decode_donations(&v1, &other), Err(PackError::NotAPack), "a version 1 pack");
    }

    #[test]
    fn damage_is_refused_never_misread() {
        // Every truncation, and every change of every byte (header and seal included), is
        // refused: nothing else reads back.
        let text = json(crate::sample::bulk_donations(2021, 40));
        let pack = pack_of("d.json", &text);
        let sha = sha256_hex(text.as_bytes());
        let good = decode_donations(&pack, &sha).unwrap();
        for n in 0..pack.len() {
            assert!(decode_donations(&pack[..n], &sha).is_err(), "truncated at {n}");
        }
        let mut longer = pack.clone();
        longer.push(0);
        assert!(decode_donations(&longer, &sha).is_err(), "a byte too many");
        for i in 0..pack.len() {
            for x in [0u8, 0x7f, 0x80, 0xff, pack[i] ^ 1, pack[i].wrapping_add(1)] {
                if x == pack[i] {
                    continue;
                }
                let mut p = pack.clone();
                p[i] = x;
                match decode_donations(&p, &sha) {
                    Err(PackError::Damaged(at)) => assert!(at <= p.len()),
                    Err(PackError::NotAPack) => assert!(i <= MAGIC.len(), "byte {i}"),
                    Err(e) => panic!("byte {i} = {x}: {e:?}"),
                    Ok(c) => panic!("byte {i} = {x} read back {} records (same as the original: {})", c.value.len(), c == good),
                }
            }
        }
    }

    /// Past the seal (a forger can write a new one), hostile lengths and counts are refused
    /// without allocating more than the bytes can hold, and no single-byte change panics.
    #[test]
    fn resealed_damage_never_panics_or_overallocates() {
        let text = json(crate::sample::bulk_donations(2021, 20));
        let pack = pack_of("d.json", &text);
        let sha = sha256_hex(text.as_bytes());
        let good = decode_donations(&pack, &sha).unwrap();
        for i in MAGIC.len() + 1..pack.len() - SEAL {
            for x in [0u8, 0x7f, 0x80, 0xff, pack[i] ^ 1] {
                let mut p = pack.clone();
                p[i] = x;
                reseal(&mut p);
                if let Ok(c) = decode_donations(&p, &sha) {
                    // Resealed, a change can read as other records; they passed validation.
                    assert!(c.findings.is_empty());
                    assert_eq!(c.value.len(), good.value.len(), "byte {i}");
                }
            }
        }
        // A count of 2^62 records in a 100-byte body is refused at once.
        let mut p = pack[..MAGIC.len() + 1 + 32].to_vec();
        p.extend_from_slice(&[5, b'd', b'.', b'j', b's', b'n']);
        p.push(RULES.len() as u8);
        p.extend_from_slice(RULES.as_bytes());
        p.push(1);
        p.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f]);
        p.extend_from_slice(&[0; SEAL]);
        reseal(&mut p);
        assert!(matches!(decode_donations(&p, &sha), Err(PackError::Damaged(_))));
    }
}
