//! Which data files a build of the app reads, each with the code that reads it.
//!
//! The app is several builds (`routes::Routes`), each drawing some pages. A build names the
//! files its pages read as a list of [`Reader`]s; the parsers, validators and (for the ledger)
//! the part and pack readers of every other file are then never referenced by that build, and
//! the linker leaves them out. (A match over every file in one function would keep them all.)

use super::{load, Data, DataFile};
use gongshi_core::manifest::Dataset;
use gongshi_core::{coverage, figures, ledger, rectification, relief, summary};
use leptos::prelude::*;

/// Starts reading one file into [`Data`], given its entry in the manifest (checksum and size;
/// its parts, for a ledger published by year). `None` when there is no manifest to say.
pub type Read = fn(Data, Option<Dataset>);

/// One file a build reads, and how.
pub type Reader = (DataFile, Read);

/// The files one build reads (the manifest is read by every build).
#[derive(Clone, Copy)]
pub struct Reads(pub &'static [Reader]);

impl Reads {
    /// The reader of `which`, when this build reads it.
    pub fn get(self, which: DataFile) -> Option<Read> {
        self.0.iter().find(|(d, _)| *d == which).map(|(_, r)| *r)
    }
}

/// The manifest's checksum and size for a file.
fn check(e: &Option<Dataset>) -> (Option<String>, Option<u64>) {
    e.as_ref().map(|d| (d.sha256.clone(), d.bytes)).unwrap_or_default()
}

pub const RECTIFICATION: Reader = (DataFile::Rectification, |data, e| {
    load::load_into(rectification::FILE, data.rectification, |t, _| rectification::load(t), Default::default(), check(&e), None)
});

pub const FIGURES: Reader =
    (DataFile::Figures, |data, e| load::load_into(figures::FILE, data.figures, |t, _| figures::load(t), Default::default(), check(&e), None));

/// The ledgers' totals for the overview: listed in the manifest apart from the datasets, and
/// checked against that entry (or read unchecked when the manifest itself failed, as every file
/// is then).
pub const SUMMARY: Reader = (DataFile::Summary, |data, _| match data.manifest.with_untracked(|m| m.value().map(|m| m.summary.clone())) {
    Some(None) => data.summary.set(super::Load::Idle),
    Some(Some(r)) => load::load_into(summary::FILE, data.summary, summary::load, data.organisation(), (r.sha256, r.bytes), None),
    None => load::load_into(summary::FILE, data.summary, summary::load, Default::default(), (None, None), None),
});

/// The donations ledger: from its parts (only the years asked for) when it is published in parts.
pub const DONATIONS: Reader = (DataFile::Donations, |data, e| match e {
    Some(ds) if !ds.parts.is_empty() => load::load_donation_parts(ds, data.ledger_years(), data.donations, data.donations_progress),
    e => load::load_into(ledger::DONATIONS, data.donations, |t, _| ledger::load_donations(t), Default::default(), check(&e), None),
});

pub const DISBURSEMENTS: Reader = (DataFile::Disbursements, |data, e| {
    load::load_into(ledger::DISBURSEMENTS, data.disbursements, |t, _| ledger::load_disbursements(t), Default::default(), check(&e), None)
});

pub const GOODS: Reader =
    (DataFile::Goods, |data, e| load::load_into(ledger::GOODS, data.goods, |t, _| ledger::load_goods(t), Default::default(), check(&e), None));

/// Relief is checked against the organisation's divisions and programmes (from the manifest).
pub const RELIEF: Reader = (DataFile::Relief, |data, e| load::load_into(relief::FILE, data.relief, relief::load, data.organisation(), check(&e), None));

pub const COVERAGE: Reader =
    (DataFile::Coverage, |data, e| load::load_into(coverage::FILE, data.coverage, coverage::load, data.organisation(), check(&e), None));
