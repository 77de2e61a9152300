//! The disclosure calendar (公开日历): from a dataset's legal cadence and the releases that
//! published it, every due date since it was first published and whether a release came on time,
//! late (by how many days) or not at all. The organisation's own disclosure record, computed from
//! its log; "today" is passed in.

use super::Release;
use crate::calendar::{add_days, days_between};
use crate::date::PartialDate;

/// What became of one due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueState {
    /// A release published the dataset on or before the due date.
    OnTime,
    /// The release that published it came this many days after the due date.
    Late(i64),
    /// No release published it for this due date (a later one, if any, answers a later due date):
    /// this many days have passed since it (up to the next release, or today).
    Missed(i64),
    /// Still ahead: this many days left.
    Upcoming(i64),
}

/// One due date of a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub due: PartialDate,
    /// The release that answered it (its number and date), when one did.
    pub release: Option<(u32, PartialDate)>,
    pub state: DueState,
}

/// The releases (number and date, oldest first) that published a dataset made of `files`: the
/// first release holding any of them, and each later one in which one of them is new, changed or
/// gone. A release date that does not parse is skipped.
pub fn publications(releases: &[&Release], files: &[String]) -> Vec<(u32, PartialDate)> {
    let mut out = Vec::new();
    let mut before: Option<&Release> = None;
    for r in releases {
        let touched = files.iter().any(|f| {
            let now = r.file(f).map(|e| &e.sha256);
            let then = before.and_then(|b| b.file(f)).map(|e| &e.sha256);
            now != then && (now.is_some() || then.is_some())
        });
        if touched {
            if let Ok(d) = PartialDate::parse(&r.date) {
                out.push((r.number, d));
            }
        }
        before = Some(r);
    }
    out
}

/// Every due date of a dataset published at `published` (oldest first) under a cadence of
/// `every_days`: after each publication the next is due `every_days` later (慈善法：至少每三个月公开一次);
/// due dates that pass with no release are missed, each next one counted from the one before,
/// and the release that finally comes is late against the last of them. The list ends with the
/// first due date after `today`.
pub fn due_dates(published: &[(u32, PartialDate)], every_days: u32, today: PartialDate) -> Vec<Due> {
    let every = i64::from(every_days.max(1));
    let mut out = Vec::new();
    for (i, (_, from)) in published.iter().enumerate() {
        let next = published.get(i + 1);
        let mut due = add_days(*from, every);
        loop {
            match next {
                Some(&(number, date)) => {
                    let after_due = days_between(due, date);
                    if after_due <= 0 {
                        out.push(Due { due, release: Some((number, date)), state: DueState::OnTime });
                        break;
                    }
                    let following = add_days(due, every);
                    if days_between(following, date) > 0 {
                        // Another due date passes before the release: this one was missed.
                        out.push(Due { due, release: None, state: DueState::Missed(days_between(due, following)) });
                        due = following;
                    } else {
                        out.push(Due { due, release: Some((number, date)), state: DueState::Late(after_due) });
                        break;
                    }
                }
                None => {
                    let passed = days_between(due, today);
                    if passed > 0 {
                        out.push(Due { due, release: None, state: DueState::Missed(passed) });
                        due = add_days(due, every);
                    } else {
                        out.push(Due { due, release: None, state: DueState::Upcoming(-passed) });
                        break;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn on_time_late_missed_and_upcoming() {
        let published = [(1, d("2024-01-01")), (2, d("2024-03-15")), (3, d("2024-07-10")), (4, d("2025-02-01"))];
        let due = due_dates(&published, 90, d("2025-03-01"));
        let got: Vec<(String, DueState, Option<u32>)> = due.iter().map(|x| (x.due.to_string(), x.state, x.release.map(|r| r.0))).collect();
        assert_eq!(
            got,
            vec![
                // 2024-01-01 + 90 = 2024-03-31; release 2 on 03-15: on time.
                ("2024-03-31".into(), DueState::OnTime, Some(2)),
                // 03-15 + 90 = 06-13; release 3 on 07-10: 27 days late.
                ("2024-06-13".into(), DueState::Late(27), Some(3)),
                // 07-10 + 90 = 10-08 missed, + 90 = 2025-01-06: release 4 on 02-01 is 26 days late.
                ("2024-10-08".into(), DueState::Missed(90), None),
                ("2025-01-06".into(), DueState::Late(26), Some(4)),
                // 02-01 + 90 = 05-02, ahead of 2025-03-01 by 62 days.
                ("2025-05-02".into(), DueState::Upcoming(62), None),
            ]
        );
        // On the due day itself: on time; the day after: late by one.
        assert_eq!(due_dates(&[(1, d("2024-01-01")), (2, d("2024-03-31"))], 90, d("2024-04-01"))[0].state, DueState::OnTime);
        assert_eq!(due_dates(&[(1, d("2024-01-01")), (2, d("2024-04-01"))], 90, d("2024-04-01"))[0].state, DueState::Late(1));
        // Nothing since: every passed due date missed, then the next one ahead.
        let open = due_dates(&[(1, d("2024-01-01"))], 90, d("2024-07-01"));
        assert_eq!(open.iter().map(|x| x.state).collect::<Vec<_>>(), vec![DueState::Missed(92), DueState::Missed(2), DueState::Upcoming(88)]);
        assert!(due_dates(&[], 90, d("2024-07-01")).is_empty());
    }

    #[test]
    fn a_dataset_is_published_by_the_releases_that_change_its_files() {
        let rel = |n: u32, date: &str, files: &[(&str, &str)]| Release {
            schema: super::super::RELEASE_SCHEMA.into(),
            number: n,
            date: date.into(),
            note: String::new(),
            previous: None,
            files: files.iter().map(|(f, s)| super::super::FileEntry { file: f.to_string(), sha256: s.to_string(), bytes: 1 }).collect(),
            changes: Vec::new(),
        };
        let r1 = rel(1, "2024-01-01", &[("a.json", "1")]);
        let r2 = rel(2, "2024-02-01", &[("a.json", "1"), ("b.json", "1")]);
        let r3 = rel(3, "2024-03-01", &[("a.json", "2"), ("b.json", "1")]);
        let r4 = rel(4, "2024-04-01", &[("a.json", "2")]);
        let all = [&r1, &r2, &r3, &r4];
        let numbers =
            |files: &[&str]| publications(&all, &files.iter().map(|s| s.to_string()).collect::<Vec<_>>()).into_iter().map(|p| p.0).collect::<Vec<_>>();
        assert_eq!(numbers(&["a.json"]), vec![1, 3]);
        assert_eq!(numbers(&["b.json"]), vec![2, 4], "added, then removed");
        assert_eq!(numbers(&["c.json"]), Vec::<u32>::new());
    }
}
