//! A donations pack from hostile bytes: refused or read back validated, never a panic, never an
//! allocation larger than the bytes can hold. The seal is rewritten so that the fuzzer reaches
//! the decoder's later checks (a forger can write a new seal too). The source checksum is taken
//! from the bytes themselves, so the stale-pack check does not stop every input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = gongshi_core::pack::MAGIC.to_vec();
    bytes.push(1);
    bytes.extend_from_slice(data);
    let source = bytes.get(9..41).map(gongshi_core::integrity::hex).unwrap_or_default();
    gongshi_core::pack::reseal_for_fuzzing(&mut bytes);
    if let Ok(c) = gongshi_core::pack::decode_donations(&bytes, &source) {
        assert!(c.problems.is_empty());
    }
});
