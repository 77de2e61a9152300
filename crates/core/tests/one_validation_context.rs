//! Every dataset validates through the one validation context (`validate::Ctx`): each
//! validator starts one, and no dataset module makes a finding by hand, except the checks that
//! are not a dataset's validation (the relief privacy gate over the raw JSON, the ledgers'
//! cross-file check, the logo file's check).

use std::path::Path;

/// Dataset modules and the validators in them that must start a `Ctx`.
const VALIDATORS: &[(&str, &[&str])] = &[
    ("ledger.rs", &["validate_donations_in", "validate_disbursements", "validate_goods"]),
    ("relief.rs", &["validate"]),
    ("coverage.rs", &["validate"]),
    ("figures.rs", &["validate"]),
    ("manifest.rs", &["validate"]),
    ("rectification.rs", &["validate"]),
    ("summary.rs", &["validate"]),
    ("correction.rs", &["check"]),
    ("org.rs", &["check"]),
];

/// Functions of those modules that make findings without the context, and why.
const NOT_VALIDATION: &[&str] = &[
    // relief.rs: the privacy gate, over the raw JSON before any validation.
    "privacy_gate",
    "unknown_fields",
    "small_cells",
    // ledger.rs: donations against disbursements, across two files.
    "check_cross",
    // org.rs: the logo file's bytes.
    "check_logo",
];

/// The source before its test module.
fn source(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.split("#[cfg(test)]").next().unwrap_or_default().to_string()
}

/// The name of the function whose body holds byte `at` (the last `fn name` before it).
fn enclosing_fn(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let start = before.rfind("fn ").map(|i| i + 3).unwrap_or(0);
    let rest = &text[start..];
    &rest[..rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(0)]
}

/// The body of `fn name` (from its signature to the next function).
fn body<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let start = [format!("pub fn {name}("), format!("pub(crate) fn {name}("), format!("fn {name}(")].iter().find_map(|s| text.find(s.as_str()))?;
    let rest = &text[start + 3..];
    Some(&rest[..rest.find("\nfn ").or_else(|| rest.find("\npub fn ")).unwrap_or(rest.len())])
}

#[test]
fn every_dataset_validates_through_the_one_context() {
    let mut wrong = Vec::new();
    for (file, validators) in VALIDATORS {
        let text = source(file);
        for v in *validators {
            match body(&text, v) {
                Some(b) if b.contains("Ctx::new(") => {}
                Some(_) => wrong.push(format!("{file}: {v} does not start a validate::Ctx")),
                None => wrong.push(format!("{file}: no fn {v}")),
            }
        }
        for made_by_hand in ["Diagnostic::error(", "Diagnostic::warning(", "Diagnostic {", "Checked {"] {
            for (at, _) in text.match_indices(made_by_hand) {
                let f = enclosing_fn(&text, at);
                if !NOT_VALIDATION.contains(&f) {
                    wrong.push(format!("{file}: fn {f} makes `{made_by_hand}` by hand; record findings in the validate::Ctx"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
