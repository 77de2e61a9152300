//! Shared state as typed context: the datasets and their loading state. No signals live in the
//! domain types; a page reads `Load<T>` and renders.

use gongshi_core::coverage::{self, Coverage};
use gongshi_core::figures::{self, Figures};
use gongshi_core::ledger::{self, Disbursement, Donation, Goods};
use gongshi_core::manifest::{self, Manifest};
use gongshi_core::org::Organisation;
use gongshi_core::rectification::{self, Rectification};
use gongshi_core::relief::{self, Relief};
use gongshi_core::summary::{self, Summary};
use gongshi_core::{Checked, Diagnostic};
use leptos::prelude::*;
use std::sync::Arc;

mod load;
pub mod reads;
pub use load::Progress;
pub use reads::{Reader, Reads};

/// A dataset as the UI sees it.
pub enum Load<T> {
    /// Not requested yet (files only some pages need).
    Idle,
    Loading,
    /// Loaded; `findings` lists what validation found (records with errors are left out).
    Ready {
        value: Arc<T>,
        findings: Arc<Vec<Diagnostic>>,
    },
    /// Nothing usable: the file is missing, or not JSON, or not the expected shape.
    Failed(Arc<Diagnostic>),
    /// The manifest lists no such dataset: this organisation does not publish it (yet). Pages
    /// say so, or leave its section out.
    Unpublished,
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        match self {
            Load::Idle => Load::Idle,
            Load::Loading => Load::Loading,
            Load::Ready { value, findings: problems } => Load::Ready { value: value.clone(), findings: problems.clone() },
            Load::Failed(d) => Load::Failed(d.clone()),
            Load::Unpublished => Load::Unpublished,
        }
    }
}

impl<T> Load<T> {
    pub fn from_result(r: Result<Checked<T>, Diagnostic>) -> Self {
        match r {
            Ok(c) => Load::Ready { value: Arc::new(c.value), findings: Arc::new(c.findings) },
            Err(d) => Load::Failed(Arc::new(d)),
        }
    }

    /// Loaded or failed: nothing more will arrive without a retry.
    pub fn is_settled(&self) -> bool {
        !matches!(self, Load::Idle | Load::Loading)
    }

    pub fn value(&self) -> Option<Arc<T>> {
        match self {
            Load::Ready { value, .. } => Some(value.clone()),
            _ => None,
        }
    }
}

/// Which data file (named apart from `manifest::Dataset`, the manifest's entry for one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFile {
    Manifest,
    Rectification,
    Figures,
    Donations,
    Disbursements,
    Goods,
    Relief,
    Coverage,
    /// The ledgers' totals for the overview (listed in the manifest, not one of its datasets).
    Summary,
}

impl DataFile {
    pub fn file(self) -> &'static str {
        match self {
            DataFile::Manifest => manifest::FILE,
            DataFile::Rectification => rectification::FILE,
            DataFile::Figures => figures::FILE,
            DataFile::Donations => ledger::DONATIONS,
            DataFile::Disbursements => ledger::DISBURSEMENTS,
            DataFile::Goods => ledger::GOODS,
            DataFile::Relief => relief::FILE,
            DataFile::Coverage => coverage::FILE,
            DataFile::Summary => summary::FILE,
        }
    }
}

/// How many rows' pinyin initials one task computes (about 20 ms on a phone).
const PINYIN_ROWS_PER_TASK: usize = 32_768;

#[derive(Clone, Copy)]
pub struct Data {
    pub manifest: RwSignal<Load<Manifest>>,
    pub rectification: RwSignal<Load<Rectification>>,
    pub figures: RwSignal<Load<Figures>>,
    pub donations: RwSignal<Load<Vec<Donation>>>,
    pub disbursements: RwSignal<Load<Vec<Disbursement>>>,
    pub goods: RwSignal<Load<Goods>>,
    pub relief: RwSignal<Load<Relief>>,
    pub coverage: RwSignal<Load<Coverage>>,
    /// summary.json; `Idle` when the manifest lists none.
    pub summary: RwSignal<Load<Summary>>,
    /// Progress of the donations ledger when it is published in parts.
    pub donations_progress: RwSignal<Progress>,
    /// The years of a partitioned ledger to load (empty = all).
    ledger_years: StoredValue<Vec<u16>>,
    /// Datasets requested before the manifest arrived.
    pending: StoredValue<Vec<DataFile>>,
    /// The pinyin table: `Idle` until a search holds a Latin letter ([`Data::want_pinyin`]).
    pub pinyin: RwSignal<Load<gongshi_core::pinyin::Table>>,
    /// Bumped each time an index has the pinyin table attached ([`Data::pinyin_into`]).
    pinyin_attached: RwSignal<u32>,
    /// The data files this build of the app reads, each with its reader (see [`Reads`]).
    reads: Reads,
}

impl Data {
    /// The app's data, for a build that reads `reads` (the manifest is always read).
    pub fn new(reads: Reads) -> Self {
        // What `load_all` starts is loading from the first render (when this build reads it).
        fn first<T>(reads: Reads, d: DataFile) -> Load<T> {
            if reads.get(d).is_some() {
                Load::Loading
            } else {
                Load::Idle
            }
        }
        Data {
            reads,
            manifest: RwSignal::new(Load::Loading),
            rectification: RwSignal::new(first(reads, DataFile::Rectification)),
            figures: RwSignal::new(first(reads, DataFile::Figures)),
            donations: RwSignal::new(Load::Idle),
            disbursements: RwSignal::new(Load::Idle),
            goods: RwSignal::new(Load::Idle),
            relief: RwSignal::new(Load::Idle),
            coverage: RwSignal::new(Load::Idle),
            summary: RwSignal::new(first(reads, DataFile::Summary)),
            pinyin: RwSignal::new(Load::Idle),
            pinyin_attached: RwSignal::new(0),
            donations_progress: RwSignal::new(Default::default()),
            ledger_years: StoredValue::new(Vec::new()),
            pending: StoredValue::new(Vec::new()),
        }
    }

    /// Starts loading: the manifest first (it holds each file's checksum), then the datasets
    /// every page needs; each arrives (or fails) on its own.
    pub fn load_all(self) {
        let first = [DataFile::Rectification, DataFile::Figures, DataFile::Summary].into_iter().filter(|d| self.reads.get(*d).is_some());
        self.pending.update_value(|p| p.extend(first));
        self.load(DataFile::Manifest);
    }

    /// Loads the pinyin table, once: a search holds a Latin letter (`core::pinyin::wants_table`).
    /// Until it is in, and if it cannot be had, searches match the text as typed.
    pub fn want_pinyin(self) {
        if !matches!(self.pinyin.get_untracked(), Load::Idle) {
            return;
        }
        self.pinyin.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let file = crate::api::PINYIN_FILE;
            let table = async {
                let bytes = crate::api::start_app_file(file).verified(None, None).await?;
                let text = crate::api::utf8_text(file, bytes)?;
                gongshi_core::pinyin::Table::parse(&text).map_err(|e| Diagnostic::error(file, "", e))
            }
            .await;
            self.pinyin.set(match table {
                Ok(t) => Load::Ready { value: Arc::new(t), findings: Arc::new(Vec::new()) },
                Err(d) => Load::Failed(Arc::new(d)),
            });
        });
    }

    /// The pinyin table once it is in (tracked).
    pub fn pinyin_table(self) -> Option<Arc<gongshi_core::pinyin::Table>> {
        self.pinyin.with(|p| match p {
            Load::Ready { value, .. } => Some(value.clone()),
            _ => None,
        })
    }

    /// Gives `index` the pinyin table once it is in (tracked: a search runs again when it is
    /// attached). The rows' initials are computed a part per task: at a million rows, all at
    /// once was a task of half a second. Until the last part, searches match the text as typed.
    pub fn pinyin_into(self, index: &Arc<gongshi_core::index::Index>) {
        self.pinyin_attached.track();
        let Some(table) = self.pinyin_table() else { return };
        // A small ledger is attached in this task, and this search already finds pinyin.
        if !index.begin_pinyin(table) || index.pinyin_step(PINYIN_ROWS_PER_TASK) {
            return;
        }
        let index = index.clone();
        leptos::task::spawn_local(async move {
            loop {
                crate::perf::yield_now().await;
                if index.pinyin_step(PINYIN_ROWS_PER_TASK) {
                    break;
                }
            }
            self.pinyin_attached.update(|n| *n += 1);
        });
    }

    /// Starts whatever waited for the manifest.
    fn manifest_settled(self) {
        let waiting = self.pending.try_update_value(std::mem::take).unwrap_or_default();
        for d in waiting {
            self.load(d);
        }
    }

    /// The organisation the manifest describes (its divisions and programmes check relief and
    /// coverage, and name their facets); empty while the manifest is not in, or when it failed.
    pub fn organisation(self) -> Arc<Organisation> {
        self.manifest.with_untracked(org_of)
    }

    /// The organisation, tracked (a view that names divisions or programmes follows the
    /// manifest); empty until the manifest is in. Not a `with`-style closure: generic views
    /// (one copy per record type) call it without being compiled again around it.
    pub fn org(self) -> Arc<Organisation> {
        self.manifest.with(org_of)
    }

    /// The manifest's entry for `file`, when the manifest has loaded.
    fn expected(self, file: &str) -> Option<gongshi_core::manifest::Dataset> {
        self.manifest.with_untracked(|m| m.value().and_then(|m| m.datasets.iter().find(|d| d.file == file).cloned()))
    }

    /// Whether nothing is on its way: the manifest and every dataset a page asked for have
    /// arrived or failed (tracked: an effect reading it reruns as they do).
    pub fn settled(self) -> bool {
        fn done<T>(l: &Load<T>) -> bool {
            !matches!(l, Load::Loading)
        }
        self.manifest.with(Load::is_settled)
            && self.rectification.with(done)
            && self.figures.with(done)
            && self.donations.with(done)
            && self.disbursements.with(done)
            && self.goods.with(done)
            && self.relief.with(done)
            && self.coverage.with(done)
            && self.summary.with(done)
    }

    /// Loads `which` once, when a page first needs it.
    pub fn ensure(self, which: DataFile) {
        let idle = match which {
            DataFile::Relief => self.relief.with_untracked(|l| matches!(l, Load::Idle)),
            DataFile::Coverage => self.coverage.with_untracked(|l| matches!(l, Load::Idle)),
            DataFile::Donations => self.donations.with_untracked(|l| matches!(l, Load::Idle)),
            DataFile::Disbursements => self.disbursements.with_untracked(|l| matches!(l, Load::Idle)),
            DataFile::Goods => self.goods.with_untracked(|l| matches!(l, Load::Idle)),
            _ => false,
        };
        if idle && self.reads.get(which).is_none() {
            // A page asked for a file its build does not read (`routes::Routes::reads`): a
            // mistake in the build's declaration, said plainly rather than a page that waits.
            self.set_failed(
                which,
                Diagnostic::error(which.file(), "", format!("this build of the app does not read {} (src/routes/mod.rs: the build's `reads`)", which.file())),
            );
        } else if idle {
            if self.manifest.with_untracked(|m| matches!(m, Load::Idle | Load::Loading)) {
                // Mark it as requested, and start it when the manifest (and its checksums) is in.
                self.set_loading(which);
                self.pending.update_value(|p| p.push(which));
            } else {
                self.load(which);
            }
        }
    }

    /// Marks `which` as not published by this organisation.
    fn set_unpublished(self, which: DataFile) {
        match which {
            DataFile::Rectification => self.rectification.set(Load::Unpublished),
            DataFile::Figures => self.figures.set(Load::Unpublished),
            DataFile::Relief => self.relief.set(Load::Unpublished),
            DataFile::Coverage => self.coverage.set(Load::Unpublished),
            DataFile::Donations => self.donations.set(Load::Unpublished),
            DataFile::Disbursements => self.disbursements.set(Load::Unpublished),
            DataFile::Goods => self.goods.set(Load::Unpublished),
            DataFile::Manifest | DataFile::Summary => {}
        }
    }

    fn set_failed(self, which: DataFile, d: Diagnostic) {
        let d = Arc::new(d);
        match which {
            DataFile::Rectification => self.rectification.set(Load::Failed(d)),
            DataFile::Figures => self.figures.set(Load::Failed(d)),
            DataFile::Relief => self.relief.set(Load::Failed(d)),
            DataFile::Coverage => self.coverage.set(Load::Failed(d)),
            DataFile::Donations => self.donations.set(Load::Failed(d)),
            DataFile::Disbursements => self.disbursements.set(Load::Failed(d)),
            DataFile::Goods => self.goods.set(Load::Failed(d)),
            DataFile::Summary => self.summary.set(Load::Failed(d)),
            DataFile::Manifest => self.manifest.set(Load::Failed(d)),
        }
    }

    fn set_loading(self, which: DataFile) {
        match which {
            DataFile::Relief => self.relief.set(Load::Loading),
            DataFile::Coverage => self.coverage.set(Load::Loading),
            DataFile::Donations => self.donations.set(Load::Loading),
            DataFile::Disbursements => self.disbursements.set(Load::Loading),
            DataFile::Goods => self.goods.set(Load::Loading),
            _ => {}
        }
    }

    /// Loads the ledger files once, when a page first needs them.
    /// As [`Data::ensure_ledger`], loading only `years` of a ledger published in parts (all
    /// years when empty).
    pub fn ensure_ledger_for(self, years: Vec<u16>) {
        self.ledger_years.set_value(years);
        self.ensure_ledger();
    }

    /// Loads every year of a partitioned ledger (after only some were asked for).
    pub fn load_all_years(self) {
        self.ledger_years.set_value(Vec::new());
        self.load(DataFile::Donations);
    }

    pub fn ensure_ledger(self) {
        // The two small files first: the ledger waits for all three, and a large ledger's parts
        // would otherwise take every connection the browser opens to the host.
        for d in [DataFile::Disbursements, DataFile::Goods, DataFile::Donations] {
            self.ensure(d);
        }
    }

    /// (Re)loads one dataset: used at start and by the retry button. A file this build does not
    /// read is left as it is.
    pub fn load(self, which: DataFile) {
        if which == DataFile::Manifest {
            let then: Box<dyn FnOnce()> = Box::new(move || self.manifest_settled());
            load::load_into(manifest::FILE, self.manifest, |t, _| manifest::load(t), Default::default(), (None, None), Some(then));
            return;
        }
        let Some(read) = self.reads.get(which) else { return };
        let e = self.expected(which.file());
        // A dataset the (loaded) manifest does not list is not fetched: the organisation does not
        // publish it. (With no manifest, every file is tried, unchecked.)
        if which != DataFile::Summary && e.is_none() && self.manifest.with_untracked(|m| m.value().is_some()) {
            self.set_unpublished(which);
            return;
        }
        read(self, e);
    }

    /// The ledger years to load (empty: all), for the donations' reader.
    fn ledger_years(self) -> Vec<u16> {
        self.ledger_years.get_value()
    }
}

/// The manifest's organisation (shared, not copied), or an empty one.
fn org_of(m: &Load<Manifest>) -> Arc<Organisation> {
    static EMPTY: std::sync::LazyLock<Arc<Organisation>> = std::sync::LazyLock::new(Default::default);
    m.value().map_or_else(|| EMPTY.clone(), |m| m.organisation.clone())
}

pub fn use_data() -> Data {
    expect_context::<Data>()
}

/// Whether the page is being printed: every problem is expanded and tables show all filtered
/// rows, so a printout is the whole report, not one screen.
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

impl Printing {
    pub fn install() -> Printing {
        let p = Printing(RwSignal::new(false));
        let _ = window_event_listener(leptos::ev::beforeprint, move |_| p.0.set(true));
        let _ = window_event_listener(leptos::ev::afterprint, move |_| p.0.set(false));
        p
    }

    pub fn get(self) -> bool {
        self.0.get()
    }
}

pub fn use_printing() -> Printing {
    use_context::<Printing>().unwrap_or(Printing(RwSignal::new(false)))
}
