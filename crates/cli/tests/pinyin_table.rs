//! `gongshi pinyin-table` writes the pinyin table, and the shipped public/pinyin.txt is what it
//! writes.

mod common;

use common::{gongshi, read, scratch};
use gongshi_publish::pinyin;
use std::path::PathBuf;

#[test]
fn shipped_pinyin_table_is_current() {
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/pinyin.txt");
    assert!(read(&shipped) == pinyin::table_text(), "public/pinyin.txt is stale: run `gongshi pinyin-table` (it writes public/pinyin.txt)");
}

#[test]
fn pinyin_table_writes_the_file_named_or_public_pinyin_txt() {
    let dir = scratch("pinyin-table");
    let want = pinyin::table();
    let r = gongshi(&["pinyin-table", "table.txt"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(read(&dir.join("table.txt")) == want.text);
    assert!(
        r.stdout.contains("已写入 wrote table.txt") && r.stdout.contains(&format!("{} syllables, {} characters", want.syllables, want.characters)),
        "{}",
        r.stdout
    );

    let r = gongshi(&["pinyin-table"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(read(&dir.join("public/pinyin.txt")) == want.text);

    let r = gongshi(&["pinyin-table", "a.txt", "b.txt"], &dir);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("b.txt"), "{}", r.stderr);
}
