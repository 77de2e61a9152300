//! File integrity: SHA-256 of a data file's bytes, checked against what the manifest records.
//!
//! `gongshi manifest` writes each file's `sha256` and `bytes` into manifest.json; the app and
//! `gongshi check` verify a file with [`verify`] before trusting it. A mismatch means the file was
//! changed after the manifest was written, or the download was cut short or altered on the way.

use crate::diag::Diagnostic;
use crate::manifest::Dataset;
use sha2::{Digest, Sha256};

/// SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Lowercase hex of a digest (e.g. one computed by the browser's native SubtleCrypto).
pub fn hex(digest: &[u8]) -> String {
    let mut s = String::with_capacity(digest.len() * 2);
    for &b in digest {
        s.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        s.push(char::from(b"0123456789abcdef"[usize::from(b & 0xF)]));
    }
    s
}

/// Checks `bytes` (the content of `file`, exactly as received) against the manifest entry.
///
/// Passes when the entry records no checksum and no size (older manifests). Otherwise the size
/// (when recorded) and the SHA-256 (when recorded) must match; the error says, in Chinese, that
/// the file does not match the catalogue's checksum, and gives the expected and actual size.
pub fn verify(file: &str, bytes: &[u8], expected: &Dataset) -> Result<(), Diagnostic> {
    verify_parts(file, bytes, expected.sha256.as_deref(), expected.bytes)
}

/// As [`verify`], from a checksum and a size directly (e.g. the manifest's `summary` entry).
pub fn verify_parts(file: &str, bytes: &[u8], sha256: Option<&str>, size: Option<u64>) -> Result<(), Diagnostic> {
    let actual = if sha256.is_some() { sha256_hex(bytes) } else { String::new() };
    verify_digest(file, bytes.len() as u64, &actual, sha256, size)
}

/// As [`verify_parts`], from the file's size and its SHA-256 (hex) computed elsewhere.
pub fn verify_digest(file: &str, actual_size: u64, actual_sha256: &str, sha256: Option<&str>, size: Option<u64>) -> Result<(), Diagnostic> {
    let size_ok = size.is_none_or(|s| s == actual_size);
    let hash_ok = sha256.is_none_or(|h| h.eq_ignore_ascii_case(actual_sha256));
    if size_ok && hash_ok {
        return Ok(());
    }
    let (expected_size, expected_en) = match size {
        Some(s) => (format!("应为 {s} 字节"), format!("expected {s} bytes")),
        None => ("数据目录未记录大小".to_string(), "the catalogue records no size".to_string()),
    };
    Err(Diagnostic::error(
        file,
        "",
        format!("文件与数据目录记录的校验值不符：可能被改动或下载不完整（{expected_size}，实际 {actual_size} 字节）"),
    )
    .en(format!("The file does not match the checksum in the data catalogue: it may have been altered or not downloaded completely ({expected_en}, got {actual_size} bytes)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(sha256: Option<String>, bytes: Option<u64>) -> Dataset {
        Dataset {
            id: "donations".into(),
            file: "donations.json".into(),
            title: "捐款收入".into(),
            title_en: None,
            last_updated: None,
            source: String::new(),
            source_en: None,
            records: None,
            sample: false,
            sha256,
            bytes,
            date_range: None,
            cadence: None,
            parts: Vec::new(),
            lookup_buckets: None,
        }
    }

    #[test]
    fn known_digests() {
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(sha256_hex("公示".as_bytes()).len(), 64);
    }

    #[test]
    fn verify_detects_a_one_byte_change() {
        let text = b"{\"records\": []}\n".to_vec();
        let d = dataset(Some(sha256_hex(&text)), Some(text.len() as u64));
        assert!(verify("donations.json", &text, &d).is_ok());
        let mut changed = text.clone();
        changed[3] ^= 0x01;
        let e = verify("donations.json", &changed, &d).unwrap_err();
        assert_eq!(e.file, "donations.json");
        assert!(e.message.starts_with("文件与数据目录记录的校验值不符：可能被改动或下载不完整"), "{}", e.message);
        assert!(e.message.contains("应为 16 字节，实际 16 字节"), "{}", e.message);
        let e = verify("donations.json", &text[..10], &d).unwrap_err();
        assert!(e.message.contains("应为 16 字节，实际 10 字节"), "{}", e.message);
        // Upper-case hex in the manifest is fine; no recorded checksum passes.
        assert!(verify("donations.json", &text, &dataset(Some(sha256_hex(&text).to_uppercase()), None)).is_ok());
        assert!(verify("donations.json", &changed, &dataset(None, None)).is_ok());
        let e = verify("donations.json", &changed, &dataset(Some(sha256_hex(&text)), None)).unwrap_err();
        assert!(e.message.contains("未记录大小"), "{}", e.message);
    }
}
