//! How often each dataset must be published, by law, and whether it is overdue.
//!
//! The basis is the Charity Law of the PRC as amended on 2023-12-29 (in force 2024-09-05):
//!
//! * 第七十九条 — an organisation with public-fundraising status publishes its fundraising and
//!   its charitable projects regularly; a fundraising campaign or project running for more than
//!   six months is reported **at least every three months** (here: every 90 days), and fully
//!   within three months of its end. This covers donations, disbursements, goods and relief.
//! * 第七十二条 — fundraising for a major emergency reports what was received **at least every
//!   five days** during the emergency response and rescue phase, and its distribution and use
//!   promptly (`emergency_every_days: 5`).
//! * 第七十八条 — the annual work report and financial report are published every year: the
//!   organisation-coverage figures are refreshed with it (every 365 days).
//!
//! The rectification report is a one-off publication and has no cadence.
//!
//! Everything here is pure: "today" is always passed in.

use crate::calendar;
use crate::date::PartialDate;
use serde::{Deserialize, Serialize};

/// A publication cadence as written in manifest.json:
/// `{"every_days": 90, "emergency_every_days": 5, "basis": "…"}`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Cadence {
    /// Publish at least every this many days.
    pub every_days: u32,
    /// During an emergency response (重大突发事件应急处置与救援阶段): at least every this many days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_every_days: Option<u32>,
    /// The rule this comes from, in Chinese (law and article, and what it says).
    #[serde(default)]
    pub basis: String,
}

/// 慈善法第七十九条, as applied to fundraising (donations, goods received).
pub const BASIS_FUNDRAISING: &str = "《中华人民共和国慈善法》（2023年修正）第七十九条：公开募捐周期超过六个月的，至少每三个月公开一次募捐情况；第七十二条：为应对重大突发事件开展公开募捐的，应急处置与救援阶段至少每五日公开一次募得款物的接收情况";
/// 慈善法第七十九条, as applied to the use of funds and projects (disbursements, relief).
pub const BASIS_PROJECTS: &str = "《中华人民共和国慈善法》（2023年修正）第七十九条：慈善项目实施周期超过六个月的，至少每三个月公开一次项目实施情况，项目结束后三个月内全面公开项目实施情况和募得款物使用情况；第七十二条：应急处置与救援阶段及时公开分配、使用情况";
/// 慈善法第七十八条: yearly reports.
pub const BASIS_ANNUAL: &str =
    "《中华人民共和国慈善法》（2023年修正）第七十八条：慈善组织应当每年向社会公开年度工作报告和财务会计报告；组织覆盖情况随年度报告更新";

/// The legal cadence of a dataset by its manifest id; `None` for datasets with no periodic
/// duty (rectification, figures).
pub fn legal_default(dataset_id: &str) -> Option<Cadence> {
    let c = |every_days: u32, emergency: Option<u32>, basis: &str| Some(Cadence { every_days, emergency_every_days: emergency, basis: basis.to_string() });
    match dataset_id {
        "donations" | "goods" => c(90, Some(5), BASIS_FUNDRAISING),
        "disbursements" | "relief" => c(90, Some(5), BASIS_PROJECTS),
        "coverage" => c(365, None, BASIS_ANNUAL),
        _ => None,
    }
}

/// The day the next publication is due: `last_updated` plus `every_days`. A `last_updated` given
/// only as a month or a year is read as its last day (2023-09 → 2023-09-30), the reading most
/// favourable to the publisher, so a badge never claims "overdue" too early.
pub fn next_due(last_updated: PartialDate, cadence: &Cadence) -> PartialDate {
    calendar::add_days(last_updated, i64::from(cadence.every_days))
}

/// The next due day under the emergency cadence, when the cadence has one.
pub fn next_due_emergency(last_updated: PartialDate, cadence: &Cadence) -> Option<PartialDate> {
    cadence.emergency_every_days.map(|n| calendar::add_days(last_updated, i64::from(n)))
}

/// Whether publication is overdue on `today`: today is after [`next_due`]. On the due day itself
/// it is not yet overdue. A partial `today` is read as its last day.
pub fn overdue(last_updated: PartialDate, cadence: &Cadence, today: PartialDate) -> bool {
    calendar::days_between(next_due(last_updated, cadence), today) > 0
}

/// Days until the next publication is due (negative: overdue by that many days).
pub fn days_left(last_updated: PartialDate, cadence: &Cadence, today: PartialDate) -> i64 {
    calendar::days_between(today, next_due(last_updated, cadence))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn legal_defaults() {
        let don = legal_default("donations").unwrap();
        assert_eq!((don.every_days, don.emergency_every_days), (90, Some(5)));
        assert!(don.basis.contains("第七十九条") && don.basis.contains("每三个月") && don.basis.contains("每五日"));
        assert_eq!(legal_default("disbursements").unwrap().every_days, 90);
        assert_eq!(legal_default("goods").unwrap().every_days, 90);
        assert_eq!(legal_default("relief").unwrap().every_days, 90);
        let cov = legal_default("coverage").unwrap();
        assert_eq!((cov.every_days, cov.emergency_every_days), (365, None));
        assert_eq!(legal_default("rectification"), None);
        assert_eq!(legal_default("figures"), None);
    }

    #[test]
    fn next_due_and_overdue() {
        let c = legal_default("donations").unwrap();
        assert_eq!(next_due(d("2023-12-31"), &c).to_string(), "2024-03-30");
        assert_eq!(next_due(d("2023-09-18"), &c).to_string(), "2023-12-17");
        assert_eq!(next_due_emergency(d("2023-09-18"), &c).unwrap().to_string(), "2023-09-23");
        assert!(!overdue(d("2023-09-18"), &c, d("2023-12-17")), "due day itself");
        assert!(overdue(d("2023-09-18"), &c, d("2023-12-18")));
        assert!(!overdue(d("2023-09-18"), &c, d("2023-09-18")));
        assert_eq!(days_left(d("2023-09-18"), &c, d("2023-12-18")), -1);
        assert_eq!(days_left(d("2023-09-18"), &c, d("2023-12-07")), 10);
        // Month precision: read as the month's last day.
        assert_eq!(next_due(d("2023-09"), &c).to_string(), "2023-12-29");
        assert!(!overdue(d("2023-09"), &c, d("2023-12-29")));
        assert!(overdue(d("2023-09"), &c, d("2023-12-30")));
        // Leap years.
        let yearly = legal_default("coverage").unwrap();
        assert_eq!(next_due(d("2023-03-01"), &yearly).to_string(), "2024-02-29");
        assert_eq!(next_due(d("2024-03-01"), &yearly).to_string(), "2025-03-01");
        assert_eq!(next_due(d("2023"), &yearly).to_string(), "2024-12-30");
    }

    #[test]
    fn cadence_json_shape() {
        let c = legal_default("coverage").unwrap();
        let j = serde_json::to_string(&c).unwrap();
        assert!(j.starts_with("{\"every_days\":365,\"basis\":"), "{j}");
        let back: Cadence = serde_json::from_str(&j).unwrap();
        assert_eq!(back, c);
        let with: Cadence = serde_json::from_str(r#"{"every_days":90,"emergency_every_days":5}"#).unwrap();
        assert_eq!(with.emergency_every_days, Some(5));
        assert_eq!(with.basis, "");
    }
}
