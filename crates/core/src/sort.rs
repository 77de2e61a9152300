//! One stable sort for the core's small, cold lists. `slice::sort_by` is generic over the item
//! and the comparison, so every call site compiles its own copy (about 3.5 KB of wasm each); here
//! the sort itself is compiled once, over indices, and each call site adds only a permutation.

use std::cmp::Ordering;

/// Sorts `v` stably by `key`, exactly as `v.sort_by_key(key)` does.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably by `cmp`, exactly as `v.sort_by(cmp)` does.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().map(|i| slots[i].take().expect("each index once")));
}

#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

#[cfg(test)]
mod tests {
    #[test]
    fn same_as_std_stable_sort() {
        let mut seed = 7u64;
        for len in 0..200 {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            let mut got = v.clone();
            super::sort_by_key(&mut got, |x| x.0);
            assert_eq!(got, want);
            let mut want = v.clone();
            want.sort_by_key(|x| std::cmp::Reverse(x.0));
            let mut got = v;
            super::sort_by(&mut got, |a, b| b.0.cmp(&a.0));
            assert_eq!(got, want);
        }
    }
}
