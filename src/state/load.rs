//! Loading data files into the app's state: a file into its `Load<T>` signal, a ledger
//! published in parts part by part with its [`Progress`]. The network itself is `api`'s.

use super::Load;
use crate::api::{start, utf8_text, PartDownloads};
use gongshi_core::ledger::Donation;
use gongshi_core::manifest::{Dataset, Part};
use gongshi_core::org::Organisation;
use gongshi_core::{Checked, Diagnostic};
use leptos::prelude::*;
use std::sync::Arc;

/// Loads `file` into `target`, setting `Loading` first and the validated result after; the
/// bytes are checked against `expected` (the manifest's SHA-256 and size) before anything is
/// parsed.
/// `then` runs once the result is in (used to start what waits for the manifest).
pub fn load_into<T: Send + Sync + 'static>(
    file: &'static str,
    target: RwSignal<Load<T>>,
    // A plain function, given the organisation (for the files checked against it): one small
    // future per dataset type, each parser compiled once. (A capturing closure here, boxed or
    // generic, had every parser inlined into its own copy: +37 KB of wasm.)
    parse: fn(&str, &Organisation) -> Result<Checked<T>, Diagnostic>,
    org: Arc<Organisation>,
    expected: (Option<String>, Option<u64>),
    then: Option<Box<dyn FnOnce()>>,
) {
    target.set(Load::Loading);
    if file == gongshi_core::ledger::DONATIONS {
        crate::perf::mark("gongshi:ledger:start", None);
    }
    leptos::task::spawn_local(async move {
        let (sha, size) = expected;
        let result = start(file).verified(sha.as_deref(), size).await.and_then(|b| utf8_text(file, b)).and_then(|t| parse(&t, &org));
        target.set(Load::from_result(result));
        if let Some(f) = then {
            f();
        }
    });
}

/// How far a dataset published in parts has loaded (for the progress line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Parts to load this time, and how many are in.
    pub parts: usize,
    pub parts_done: usize,
    /// Bytes of those parts (from the manifest) and bytes received so far.
    pub bytes: u64,
    pub bytes_done: u64,
    /// Records read so far.
    pub rows: usize,
    /// Years loaded, and every year the dataset has.
    pub years_loaded: Vec<u16>,
    pub years_all: Vec<u16>,
}

impl Progress {
    /// Whether some of the dataset's years were not loaded (only the years asked for were).
    pub fn partial(&self) -> bool {
        self.years_loaded.len() < self.years_all.len()
    }
}

/// Loads the donations ledger from its parts (see `manifest::Part`), read in order (several
/// downloading at once), each checked against its own checksum; `progress` is updated after each. The ledger is set once
/// all are in (or the first failure, which names the part file). A part with a usable pack
/// (`Part::usable_pack`) is read from the pack; if the pack cannot be used, from its JSON,
/// with a warning that says why.
pub fn load_donation_parts(ds: Dataset, years: Vec<u16>, target: RwSignal<Load<Vec<Donation>>>, progress: RwSignal<Progress>) {
    let parts: Vec<Part> = ds.parts_for(&years).into_iter().cloned().collect();
    let mut years_all: Vec<u16> = ds.parts.iter().filter_map(|p| p.year).collect();
    years_all.dedup();
    let mut years_loaded: Vec<u16> = parts.iter().filter_map(|p| p.year).collect();
    years_loaded.dedup();
    let bytes = parts.iter().filter_map(|p| p.usable_pack().map_or(p.bytes, |k| k.bytes)).sum();
    progress.set(Progress { parts: parts.len(), bytes, years_all, years_loaded, ..Default::default() });
    target.set(Load::Loading);
    crate::perf::mark("gongshi:ledger:start", None);
    leptos::task::spawn_local(async move {
        // Reserve once (the manifest gives each part's records): growing by doubling would leave
        // up to half the ledger's size unused in the wasm memory, which never shrinks.
        let mut all = Vec::with_capacity(parts.iter().filter_map(|p| p.records).sum::<u64>() as usize);
        let mut problems = Vec::new();
        // Parts download while earlier ones are read (see api::PartDownloads).
        let mut downloads = PartDownloads::new(&parts);
        while let Some((p, read)) = downloads.next().await {
            match read {
                Ok((n, c)) => {
                    all.extend(c.value);
                    problems.extend(c.findings);
                    let rows = all.len();
                    // The bytes planned for it (its JSON's, if a pack was not used, may differ).
                    let done = p.usable_pack().map_or(p.bytes, |k| k.bytes).unwrap_or(n as u64);
                    progress.update(|g| {
                        g.parts_done += 1;
                        g.bytes_done += done;
                        g.rows = rows;
                    });
                }
                Err(d) => {
                    target.set(Load::Failed(std::sync::Arc::new(d)));
                    return;
                }
            }
            // Let the page paint the progress between parts.
            crate::perf::yield_now().await;
        }
        crate::perf::mark("gongshi:ledger:parts", Some(all.len()));
        target.set(Load::from_result(Ok(gongshi_core::Checked { value: all, findings: problems })));
    });
}
