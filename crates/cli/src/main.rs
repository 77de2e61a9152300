//! `gongshi`: command-line tool for publishers of gongshi data. See `gongshi help` and the
//! README's "Publisher toolkit" section.
//!
//! ```text
//! gongshi sample | import | check | mask | manifest | schema | pinyin-table | build-summary | help
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    ExitCode::from(gongshi_cli::commands::run(&args, &mut out, &mut err))
}
