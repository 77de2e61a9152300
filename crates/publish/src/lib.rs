//! gongshi-publish: what only the publisher needs, on top of [`gongshi_core`] (what the app
//! knows about its data). Native only; the app never links it.
//!
//! Everything here is pure, like the core: the `gongshi` command-line tool reads and writes the
//! files and passes their bytes in. Checking a data folder ([`check`]), importing spreadsheet
//! cells ([`import`], with the value parsers of [`parse`]), the sample generator ([`sample`]),
//! writing packs ([`pack`]) and the lookup's shards ([`shard`]), building summary.json ([`summary`]), the pinyin table the app's
//! pinyin search loads ([`pinyin`]) and the strict file formats the JSON Schemas are made from
//! ([`schema`]). Whatever the app also reads (models, validation,
//! the privacy gate, pack decoding, the summary's types) stays in the core, so the tool and the
//! app never disagree.

pub mod check;
pub mod import;
pub mod init;
pub mod pack;
pub mod parse;
pub mod pinyin;
pub mod release;
pub mod sample;
pub mod schema;
pub mod shard;
pub mod summary;
