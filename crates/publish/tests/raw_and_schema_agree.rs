//! The two descriptions of every file format kept in step by their structure, not only by the
//! shipped files (issue 16): each raw serde type the app reads (gongshi-core) and the strict
//! schema type `gongshi schema` writes (gongshi-publish) name the same fields. A field added to
//! one and not the other fails here even when no shipped file uses it.
//!
//! The field names are the ones serde itself asks for: a deserializer that answers only
//! `deserialize_struct` records its `fields` (renames applied) and stops.

use gongshi_core as core;
use gongshi_publish::schema as s;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::collections::BTreeSet;

#[derive(Debug)]
struct Stop;
impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stop")
    }
}
impl std::error::Error for Stop {}
impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

struct Grab<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for Grab<'_> {
    type Error = Stop;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }
    fn deserialize_struct<V: Visitor<'de>>(self, _: &'static str, fields: &'static [&'static str], _: V) -> Result<V::Value, Stop> {
        *self.0 = Some(fields);
        Err(Stop)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit unit_struct
        newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The fields serde reads for `T`.
fn fields<'de, T: Deserialize<'de>>() -> BTreeSet<&'static str> {
    let mut got = None;
    let _ = T::deserialize(Grab(&mut got));
    got.unwrap_or_else(|| panic!("{} is not read as a struct", std::any::type_name::<T>())).iter().copied().collect()
}

/// `Raw` and `Schema` name the same fields, or what differs.
fn same<'de, Raw: Deserialize<'de>, Schema: Deserialize<'de>>() -> Option<String> {
    let (r, s) = (fields::<Raw>(), fields::<Schema>());
    let missing_in_schema: Vec<&&str> = r.difference(&s).collect();
    let missing_in_raw: Vec<&&str> = s.difference(&r).collect();
    (!missing_in_schema.is_empty() || !missing_in_raw.is_empty()).then(|| {
        format!(
            "{} vs {}: only the app reads {missing_in_schema:?}; only the schema has {missing_in_raw:?}",
            std::any::type_name::<Raw>(),
            std::any::type_name::<Schema>()
        )
    })
}

#[test]
fn every_raw_type_and_its_schema_name_the_same_fields() {
    use core::{coverage as cov, figures as fig, ledger as led, manifest as man, rectification as rect, relief as rel};
    let problems: Vec<String> = [
        same::<led::RawDonation, s::Donation>(),
        same::<led::RawDisbursement, s::Disbursement>(),
        same::<led::RawCorrection, s::CorrectionEntry>(),
        same::<led::RawCancellation, s::Cancellation>(),
        same::<led::RawBatch, s::Batch>(),
        same::<led::RawMovement, s::Movement>(),
        same::<led::RawWriteOff, s::WriteOff>(),
        same::<led::RawFile<led::RawDonation>, s::DonationsFile>(),
        same::<led::RawFile<led::RawDisbursement>, s::DisbursementsFile>(),
        same::<led::RawGoods, s::GoodsFile>(),
        same::<core::correction::RawNote, s::CorrectionNote>(),
        same::<rel::RawReliefFile, s::ReliefFile>(),
        same::<rel::RawRelief, s::ReliefRecord>(),
        same::<rel::RawAggregate, s::ReliefAggregate>(),
        same::<cov::RawCoverage, s::CoverageFile>(),
        same::<cov::RawCounty, s::CountyRow>(),
        same::<cov::RawCity, s::City>(),
        same::<cov::RawTeamsBefore, s::TeamsBefore>(),
        same::<cov::RawTeamType, s::TeamType>(),
        same::<cov::RawFact, s::Fact>(),
        same::<fig::RawFigures, s::FiguresFile>(),
        same::<fig::RawFigure, s::Figure>(),
        same::<rect::RawRectification, s::Rectification>(),
        same::<rect::RawInspection, s::Inspection>(),
        same::<rect::RawDeclared, s::Declared>(),
        same::<rect::RawAspect, s::Aspect>(),
        same::<rect::RawProblem, s::Problem>(),
        same::<rect::RawDated, s::Dated>(),
        same::<rect::NextStep, s::NextStep>(),
        same::<rect::Contact, s::Contact>(),
        same::<man::RawManifest, s::Manifest>(),
        same::<man::RawDataset, s::ManifestDataset>(),
        same::<man::RawPart, s::ManifestPart>(),
        same::<man::RawLookup, s::ManifestLookup>(),
        same::<man::RawFileRef, s::FileRef>(),
        same::<core::cadence::Cadence, s::Cadence>(),
        same::<core::org::Organisation, s::Organisation>(),
        same::<core::org::Division, s::Division>(),
        same::<core::org::Programme, s::ProgrammeDef>(),
        same::<core::summary::Summary, s::SummaryFile>(),
        same::<core::summary::MoneyYear, s::SummaryMoneyYear>(),
        same::<core::summary::ReliefYear, s::SummaryReliefYear>(),
        same::<core::summary::CoverageTotals, s::SummaryCoverage>(),
        same::<core::summary::RectificationCounts, s::SummaryRectification>(),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(problems.is_empty(), "the raw types and the schema disagree:\n{}", problems.join("\n"));
}
