//! Money as integer fen (分). 1 元 = 100 fen. No floating point anywhere.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, Neg, Sub};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fen(pub i64);

/// The largest amount one record may carry: 1,000 亿元 (10^13 fen). Larger is a typing error
/// (an amount in fen typed twice, a receipt number in the amount column).
pub const MAX_RECORD: i64 = 10_000_000_000_000;
/// The largest total of one data file: 10 万亿元 (10^15 fen). A file above it is refused, so that
/// every total the app or the tools compute (even over hundreds of files or parts, and sums of
/// money in, out and balance together) stays far inside i64 and never wraps.
pub const MAX_FILE_TOTAL: i64 = 1_000_000_000_000_000;

impl Fen {
    pub const ZERO: Fen = Fen(0);

    /// Exact sum of two amounts; `None` on overflow.
    pub fn checked_add(self, o: Fen) -> Option<Fen> {
        self.0.checked_add(o.0).map(Fen)
    }

    /// The total of `amounts` (of their absolute values) if it is within [`MAX_FILE_TOTAL`];
    /// otherwise `None`. Checked all the way: never wraps.
    pub fn bounded_total<I: IntoIterator<Item = Fen>>(amounts: I) -> Option<i64> {
        amounts.into_iter().try_fold(0i64, |acc, a| acc.checked_add(a.0.checked_abs()?)).filter(|t| *t <= MAX_FILE_TOTAL)
    }

    pub fn from_yuan(yuan: i64) -> Fen {
        Fen(yuan * 100)
    }

    /// Exact sum; `None` on overflow (never wraps, never loses a fen).
    pub fn checked_sum<I: IntoIterator<Item = Fen>>(items: I) -> Option<Fen> {
        items.into_iter().try_fold(Fen(0), |acc, x| acc.0.checked_add(x.0).map(Fen))
    }

    /// `self × basis_points / 10000`, rounded half away from zero (6.5% = 650 bp).
    pub fn percent_bp(self, basis_points: i64) -> Fen {
        let n = self.0 as i128 * basis_points as i128;
        let q = n / 10_000;
        let r = n % 10_000;
        let q = if r.abs() * 2 >= 10_000 { q + n.signum() } else { q };
        Fen(q as i64)
    }

    /// `self / total` in basis points (hundredths of a percent), rounded half up; `None` if total is 0.
    pub fn share_bp(self, total: Fen) -> Option<i64> {
        if total.0 == 0 {
            return None;
        }
        let n = self.0 as i128 * 10_000;
        let d = total.0 as i128;
        let q = n / d;
        let r = n % d;
        Some((if r.abs() * 2 >= d.abs() { q + (n.signum() * d.signum()) } else { q }) as i64)
    }

    /// Plain yuan with two decimals, as written in CSV: `1282400.00`, `-0.05`.
    /// An amount in 元 as a person types it (`2000`, `2,000.5`, `２０００元`, `¥2000.50`), exactly,
    /// in integer fen; `None` when it is not one, or has more than two decimals.
    pub fn parse_yuan(text: &str) -> Option<Fen> {
        let s: String = crate::search::normalize(text).chars().filter(|c| !matches!(c, ',' | ' ' | '，' | '¥' | '￥' | '元')).collect();
        let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) || int.len() > 15 {
            return None;
        }
        let cents = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse::<i64>().ok()?,
        };
        Some(Fen(int.parse::<i64>().ok()? * 100 + cents))
    }

    pub fn yuan_decimal(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }
}

/// Saturating: validation bounds every file's total ([`MAX_FILE_TOTAL`]), so sums of published
/// amounts never come near the limits; should one ever do, it stops at the limit rather than
/// wrapping into a wrong sign.
impl Add for Fen {
    type Output = Fen;
    fn add(self, o: Fen) -> Fen {
        Fen(self.0.saturating_add(o.0))
    }
}

impl Sub for Fen {
    type Output = Fen;
    fn sub(self, o: Fen) -> Fen {
        Fen(self.0.saturating_sub(o.0))
    }
}

impl Neg for Fen {
    type Output = Fen;
    fn neg(self) -> Fen {
        Fen(-self.0)
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}元", self.yuan_decimal())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_decimal_is_exact() {
        assert_eq!(Fen(1282400000).yuan_decimal(), "12824000.00");
        assert_eq!(Fen(5).yuan_decimal(), "0.05");
        assert_eq!(Fen(-5).yuan_decimal(), "-0.05");
        assert_eq!(Fen(-12345).yuan_decimal(), "-123.45");
        assert_eq!(Fen(i64::MIN).yuan_decimal(), "-92233720368547758.08");
    }

    #[test]
    fn cost_cap_of_the_seed_2021_case() {
        // 39.67万元 × 6.5% = 25,785.5 元 → the seed rounds to 2.58万元.
        let non_directed = Fen::from_yuan(396_700);
        assert_eq!(non_directed.percent_bp(650), Fen(2_578_550));
    }

    #[test]
    fn share_in_basis_points() {
        // 56.77万 of 1282.4万 is 4.4268…% → 443 bp rounded (the seed prints 4.42%, truncated).
        assert_eq!(Fen::from_yuan(567_700).share_bp(Fen::from_yuan(12_824_000)), Some(443));
        assert_eq!(Fen(1).share_bp(Fen(0)), None);
        assert_eq!(Fen(1).share_bp(Fen(3)), Some(3333));
        assert_eq!(Fen(2).share_bp(Fen(3)), Some(6667));
    }

    #[test]
    fn checked_sum_detects_overflow() {
        assert_eq!(Fen::checked_sum([Fen(i64::MAX), Fen(1)]), None);
        assert_eq!(Fen::checked_sum([Fen(1), Fen(2), Fen(-3)]), Some(Fen(0)));
    }

    #[test]
    fn yuan_as_typed_to_fen_exactly() {
        for (t, f) in [("2000", 200_000), ("2,000.5", 200_050), ("２０００元", 200_000), ("¥2000.05", 200_005), (" 0.1 ", 10)] {
            assert_eq!(Fen::parse_yuan(t), Some(Fen(f)), "{t}");
        }
        for bad in ["", "2000.005", "-5", "1e3", "两千", "2.000.0", "."] {
            assert_eq!(Fen::parse_yuan(bad), None, "{bad}");
        }
    }
}
