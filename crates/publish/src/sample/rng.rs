//! The sample's random numbers: SplitMix64 and integer draws from it, so the same seed gives
//! the same files on every machine.

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for sample data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n` > 0), by the multiply-shift method.
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0);
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// Index chosen with the given integer weights.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
    /// Roughly log-uniform integer in `lo..=hi` (`0 < lo <= hi`): uniform over eighth-octave
    /// steps, linear within a step, rejecting draws above `hi`. Integer arithmetic only.
    pub fn log_uniform(&mut self, lo: i64, hi: i64) -> i64 {
        // 2^(k/8) × 10000, k = 0..=8.
        const POW: [i128; 9] = [10_000, 10_905, 11_892, 12_968, 14_142, 15_422, 16_818, 18_340, 20_000];
        if lo >= hi {
            return lo;
        }
        let mut octaves = 0u32;
        while (lo as i128) << octaves < hi as i128 {
            octaves += 1;
        }
        loop {
            let step = self.below(octaves as u64 * 8);
            let (oct, s) = ((step / 8) as u32, (step % 8) as usize);
            let f = self.below(1 << 16) as i128;
            let mult = POW[s] * 65_536 + (POW[s + 1] - POW[s]) * f;
            let v = (((lo as i128) << oct) * mult / (10_000 * 65_536)) as i64;
            if (lo..=hi).contains(&v) {
                return v;
            }
        }
    }
}

/// Rounds like people give: mostly round numbers (1–2 significant digits), else whole yuan.
pub(super) fn nice(rng: &mut Rng, yuan: i64, lo: i64, hi: i64, per_mille_round: u64) -> i64 {
    if !rng.chance(per_mille_round) {
        return yuan;
    }
    let digits = if rng.chance(600) { 1 } else { 2 };
    let mut unit = 1i64;
    while yuan / unit >= 10i64.pow(digits) {
        unit *= 10;
    }
    let r = (yuan + unit / 2) / unit * unit;
    r.clamp(lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_prng_is_splitmix64() {
        // Reference values of SplitMix64 seeded with 1234567.
        let mut r = Rng::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
        let mut r = Rng::new(9);
        for _ in 0..10_000 {
            let v = r.log_uniform(50, 5_000);
            assert!((50..=5_000).contains(&v));
            assert!((3..=7).contains(&r.range(3, 7)));
        }
    }
}
