//! Reading a spreadsheet file into the core's import [`Table`]: .xlsx/.xlsm/.xls/.ods with
//! calamine, .csv with the csv crate (UTF-8, with or without BOM, or GB18030/GBK as saved by
//! Chinese Excel).

use calamine::{open_workbook_auto, Data, Reader};
use gongshi_publish::import::{Cell, Table};
use std::path::Path;

/// Reads `path`; `sheet` picks a worksheet by name (spreadsheets only). Without `sheet`, every
/// worksheet is returned in order, so the caller can take the first one with a header row.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Vec<Table>, String> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "txt" => {
            if sheet.is_some() {
                return Err("CSV 文件没有工作表，不能使用 --sheet".into());
            }
            let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(vec![read_csv(&bytes)?])
        }
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, sheet),
        _ => Err(format!("{}：只能导入 .xlsx、.xls、.ods 或 .csv 文件", path.display())),
    }
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Vec<Table>, String> {
    let mut wb = open_workbook_auto(path).map_err(|e| format!("{}：无法打开表格文件（{e}）", path.display()))?;
    let names = wb.sheet_names();
    let wanted: Vec<String> = match sheet {
        Some(s) => match names.iter().find(|n| n.as_str() == s || n.trim() == s.trim()) {
            Some(n) => vec![n.clone()],
            None => return Err(format!("{}：没有名为“{s}”的工作表（有：{}）", path.display(), names.join("、"))),
        },
        None => names,
    };
    let mut out = Vec::new();
    for name in wanted {
        let range = wb.worksheet_range(&name).map_err(|e| format!("{} 工作表“{name}”：无法读取（{e}）", path.display()))?;
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, r) in range.rows().enumerate() {
            // Leading empty columns are kept so that cell positions match the header's.
            let mut cells: Vec<Cell> = (0..col0).map(|_| Cell::Empty).collect();
            cells.extend(r.iter().map(cell));
            rows.push((row0 + i as u32 + 1, cells));
        }
        out.push(Table { sheet: Some(name), rows });
    }
    Ok(out)
}

/// A calamine cell as an import cell. Numbers become their shortest exact decimal text
/// (`f64`'s `Display`), so 1234.5 stays "1234.5" and money never goes through float arithmetic.
fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(i.to_string()),
        Data::Float(f) => Cell::Number(format!("{f}")),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            Cell::Date { year, month, day }
        }
        Data::DateTime(dt) => Cell::Number(format!("{}", dt.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// CSV bytes into a table: UTF-8 (BOM optional), else GB18030 (which includes GBK).
pub fn read_csv(bytes: &[u8]) -> Result<Table, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text: String = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => {
            let (t, _, had_errors) = encoding_rs::GB18030.decode(bytes);
            if had_errors {
                return Err("CSV 文件既不是 UTF-8 也不是 GBK/GB18030 编码，请另存为“CSV UTF-8”".into());
            }
            t.into_owned()
        }
    };
    let bytes_of = text.as_bytes();
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes_of);
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("CSV 格式错误：{e}"))?;
        // The reader skips empty lines but reports a record's position from the end of the
        // previous one: step over the line breaks to the record's own line.
        let mut at = rec.position().map(|p| p.byte() as usize).unwrap_or(0).min(bytes_of.len());
        while at < bytes_of.len() && matches!(bytes_of[at], b'\r' | b'\n') {
            at += 1;
        }
        let line = bytes_of[..at].iter().filter(|b| **b == b'\n').count() as u32 + 1;
        let cells = rec.iter().map(|s| if s.trim().is_empty() { Cell::Empty } else { Cell::Text(s.to_string()) }).collect();
        rows.push((line, cells));
    }
    Ok(Table { sheet: None, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_line_numbers_and_encodings() {
        let t = read_csv("\u{feff}标题\n\n日期,金额\n2020-01-05,\"1,234.50\"\n".as_bytes()).unwrap();
        let numbers: Vec<u32> = t.rows.iter().map(|r| r.0).collect();
        assert_eq!(numbers, vec![1, 3, 4], "blank lines are not records but keep the numbering");
        assert_eq!(t.rows[2].1[1], Cell::Text("1,234.50".into()));
        let (gbk, _, _) = encoding_rs::GBK.encode("日期,金额\n2020-01-05,300\n");
        let t = read_csv(&gbk).unwrap();
        assert_eq!(t.rows[0].1[0], Cell::Text("日期".into()));
    }

    #[test]
    fn float_cells_become_exact_decimal_text() {
        assert_eq!(cell(&Data::Float(1234.5)), Cell::Number("1234.5".into()));
        assert_eq!(cell(&Data::Float(0.1)), Cell::Number("0.1".into()));
        assert_eq!(cell(&Data::Float(43831.0)), Cell::Number("43831".into()));
        assert_eq!(cell(&Data::Float(12824000.0)), Cell::Number("12824000".into()));
    }
}
