//! manifest.json: who publishes, and which datasets there are.

use crate::date::PartialDate;
use crate::diag::{Checked, Diagnostic};
use serde::Deserialize;

pub const FILE: &str = "manifest.json";

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawManifest {
    pub organisation: Option<Organisation>,
    pub datasets: Vec<RawDataset>,
}

#[derive(Deserialize, Default, Clone, Debug, PartialEq, Eq)]
#[serde(default)]
pub struct Organisation {
    pub name: String,
    pub name_en: Option<String>,
    pub website: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RawDataset {
    pub id: Option<String>,
    pub file: Option<String>,
    pub title: Option<String>,
    pub title_en: Option<String>,
    pub last_updated: Option<String>,
    pub source: Option<String>,
    pub records: Option<u64>,
    pub sample: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    pub id: String,
    pub file: String,
    pub title: String,
    pub title_en: Option<String>,
    pub last_updated: Option<PartialDate>,
    pub source: String,
    pub records: Option<u64>,
    /// Generated records, not real ones. Always shown as such.
    pub sample: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    pub organisation: Organisation,
    pub datasets: Vec<Dataset>,
}

impl Manifest {
    pub fn dataset(&self, id: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.id == id)
    }

    /// The newest `last_updated` over the real datasets (sample data does not make a site
    /// "updated"); over all datasets when none is real.
    pub fn last_updated(&self) -> Option<PartialDate> {
        let real = self.datasets.iter().filter(|d| !d.sample).filter_map(|d| d.last_updated).max();
        real.or_else(|| self.datasets.iter().filter_map(|d| d.last_updated).max())
    }
}

pub fn load(text: &str) -> Result<Checked<Manifest>, Diagnostic> {
    let raw: RawManifest = crate::json::parse(FILE, text)?;
    Ok(validate(raw))
}

pub fn validate(raw: RawManifest) -> Checked<Manifest> {
    let mut out = Vec::new();
    let organisation = raw.organisation.unwrap_or_default();
    if organisation.name.trim().is_empty() {
        out.push(Diagnostic::error(FILE, "organisation.name", "缺少发布机构名称"));
    }
    let mut datasets: Vec<Dataset> = Vec::new();
    for (i, d) in raw.datasets.into_iter().enumerate() {
        let path = format!("datasets[{i}]");
        let (Some(id), Some(file)) = (d.id, d.file) else {
            out.push(Diagnostic::error(FILE, path, "数据集缺少 id 或 file"));
            continue;
        };
        if datasets.iter().any(|x| x.id == id) {
            out.push(Diagnostic::error(FILE, format!("{path}.id"), format!("数据集“{id}”重复")));
            continue;
        }
        if file.contains("..") || file.starts_with('/') || file.contains("://") {
            out.push(Diagnostic::error(FILE, format!("{path}.file"), format!("文件名“{file}”不安全：只能是 data/ 目录中的文件")));
            continue;
        }
        let last_updated = match d.last_updated.as_deref().map(PartialDate::parse) {
            Some(Ok(x)) => Some(x),
            Some(Err(e)) => {
                out.push(Diagnostic::error(FILE, format!("{path}.last_updated"), e));
                None
            }
            None => None,
        };
        let sample = match d.sample {
            Some(s) => s,
            None => {
                out.push(Diagnostic::warning(FILE, format!("{path}.sample"), format!("数据集“{id}”没有说明是否为示例数据，按示例数据显示")));
                true
            }
        };
        datasets.push(Dataset {
            title: d.title.unwrap_or_else(|| id.clone()),
            id,
            file,
            title_en: d.title_en,
            last_updated,
            source: d.source.unwrap_or_default(),
            records: d.records,
            sample,
        });
    }
    Checked { value: Manifest { organisation, datasets }, problems: out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_paths_and_missing_sample_flag() {
        let c = load(
            r#"{"organisation":{"name":"咸宁市红十字会"},"datasets":[
              {"id":"a","file":"../secret.json"},
              {"id":"b","file":"b.json","last_updated":"2023-09-18"},
              {"id":"c","file":"c.json","sample":false,"last_updated":"2024-01-02"},
              {"id":"d","file":"d.json","sample":true,"last_updated":"2025-01-02"}]}"#,
        )
        .unwrap();
        assert!(c.problems.iter().any(|d| d.path == "datasets[0].file"));
        assert!(c.value.dataset("b").unwrap().sample, "unspecified means sample");
        assert_eq!(c.value.last_updated().unwrap().to_string(), "2024-01-02");
    }
}
