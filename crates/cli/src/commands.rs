//! The `gongshi` commands. Each takes its arguments and two writers (standard output and
//! standard error) and returns the exit code, so tests run exactly what the binary runs.

use crate::{count_records, render_output, render_relief, render_sample_with, render_summary, sheet};
use crate::{DEFAULT_DONATIONS, DEFAULT_OUT, DEFAULT_RELIEF, DEFAULT_SEED};
use gongshi_core::cadence;
use gongshi_core::date::PartialDate;
use gongshi_core::diag::Severity;
use gongshi_core::integrity::sha256_hex;
use gongshi_core::manifest::{self, RawDataset, RawFileRef, RawManifest, RawPart};
use gongshi_core::{privacy, relief, summary};
use gongshi_publish::check::{self, Report};
use gongshi_publish::import::{self, Kind, Options};
use gongshi_publish::{pinyin, sample, schema};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

pub const USAGE: &str = "用法 / usage:
  gongshi init DIR --name NAME --divisions \"A,B,C\" [--name-en NAME] [--division-label 乡镇（街道）] [--programmes \"key=名称,key=名称*\"]
      为新机构建立完整的数据目录：清单（机构、行政区划、救助项目）和空的数据文件；
      名称后加 * 的救助项目只公布汇总数（默认一个项目 aid=救助）
  gongshi sample [--out DIR] [--seed N] [--donations N] [--relief N]
      写出示例数据 donations.json、disbursements.json、goods.json、relief.json、coverage.json
      (defaults: --out public/data --seed 2023 --donations 1200 --relief 600)
  gongshi import FILE.xlsx|FILE.csv --dataset donations|disbursements|goods|relief|coverage
                 [--sheet NAME] [--map mapping.json] [--out FILE] [--manifest FILE] [--skip-bad] [--accept-totals]
      把 Excel/CSV 表格导入为数据文件（无 --out 时输出到标准输出）
  gongshi check DIR [--format text|json] [--today YYYY-MM-DD]
      检查数据目录中的每个文件（格式、跨文件规则、校验值、隐私）；无错误时退出码为 0
  gongshi mask FILE [--out FILE]
      把救助记录的受助人姓名脱敏为“姓＋某”
  gongshi manifest DIR [--touch DATASET]... [--today YYYY-MM-DD] [--source TEXT] [--no-pack]
      重写 DIR/manifest.json：校验值、大小、记录数、日期范围、法定公开周期；
      为分卷的捐赠台账写出快速加载文件（.pack，JSON 仍是正式发布的数据）
  gongshi schema [--out DIR]
      写出每个数据文件的 JSON Schema（默认 public/schema）
  gongshi pinyin-table [FILE]
      写出拼音检索用的拼音表（默认 public/pinyin.txt）：每个音节一行，后列读此音的全部汉字（多音字每个读音都列）
  gongshi build-summary DIR [--out FILE]
      写出概览汇总 DIR/summary.json
  gongshi bulk --rows N --out DIR [--from DIR] [--seed N] [--part-rows N]
      写出一个含 N 条示例捐赠的完整数据目录（按年度分卷，供性能测试）
  gongshi release DIR --note \"说明\" [--date YYYY-MM-DD]
      发布新版：先检查数据目录，再与最新一版比较（真实记录的更改和删除须有更正说明），
      写入 DIR/history/（发布记录、文件存档、索引），并显示本版的指纹（用于公告）
  gongshi verify DIR
      核对发布记录：每一版的文件、链接、存档文件，以及当前数据与最新一版是否一致；一致时退出码为 0
  gongshi diff DIR [--from N] [--to M] [--dataset ID] [--csv]
      两版之间每个数据集新增、更改（逐字段，原值 → 新值）、删除的记录（默认：最新一版与前一版）
  gongshi help";

/// Runs `gongshi ARGS…`.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let rest = args.get(1..).unwrap_or(&[]);
    // `gongshi COMMAND --help`: that command's lines of the usage.
    if let (Some(cmd), true) = (args.first(), rest.iter().any(|a| a == "--help" || a == "-h")) {
        let lines: Vec<&str> = USAGE.lines().collect();
        let mut part = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if l.trim_start().starts_with(&format!("gongshi {cmd}")) {
                part.push(*l);
                part.extend(lines[i + 1..].iter().take_while(|x| !x.trim_start().starts_with("gongshi ")));
            }
        }
        let _ = writeln!(out, "{}", if part.is_empty() { USAGE.to_string() } else { format!("用法 / usage:\n{}", part.join("\n")) });
        return 0;
    }
    let result = match args.first().map(String::as_str) {
        Some("init") => init_cmd(rest, out, err),
        Some("sample") => sample(rest, out),
        Some("import") => import_cmd(rest, out, err),
        Some("check") => check_cmd(rest, out, err),
        Some("mask") => mask(rest, out),
        Some("manifest") => manifest_cmd(rest, out, err),
        Some("schema") => schema_cmd(rest, out),
        Some("pinyin-table") => pinyin_table_cmd(rest, out),
        Some("build-summary") => build_summary(rest, out, err),
        Some("bulk") => bulk(rest, out, err),
        Some("release") => crate::history::release_cmd(rest, out, err),
        Some("verify") => crate::history::verify_cmd(rest, out),
        Some("diff") => crate::history::diff_cmd(rest, out),
        Some("help" | "--help" | "-h") => {
            let _ = writeln!(out, "{USAGE}");
            Ok(0)
        }
        Some(other) => Err(format!("未知命令 unknown command “{other}”\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "gongshi: {e}");
            1
        }
    }
}

pub(crate) type CmdResult = Result<u8, String>;

/// Positional arguments, `--name value` options (repeatable) and `--flag`s.
pub(crate) struct Args {
    pub(crate) positional: Vec<String>,
    options: Vec<(String, String)>,
    pub(crate) flags: BTreeSet<String>,
}

impl Args {
    pub(crate) fn parse(args: &[String], with_value: &[&str], flags: &[&str]) -> Result<Args, String> {
        let mut a = Args { positional: Vec::new(), options: Vec::new(), flags: BTreeSet::new() };
        let mut it = args.iter();
        while let Some(x) = it.next() {
            if with_value.contains(&x.as_str()) {
                let v = it.next().ok_or_else(|| format!("参数 {x} 缺少取值 (missing value)"))?;
                a.options.push((x.clone(), v.clone()));
            } else if flags.contains(&x.as_str()) {
                a.flags.insert(x.clone());
            } else if x.starts_with("--") {
                return Err(format!("未知参数 unknown option “{x}”\n{USAGE}"));
            } else {
                a.positional.push(x.clone());
            }
        }
        Ok(a)
    }
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.options.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    fn all(&self, name: &str) -> Vec<&str> {
        self.options.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }
    pub(crate) fn one_positional(&self, what: &str) -> Result<&str, String> {
        match self.positional.as_slice() {
            [one] => Ok(one),
            [] => Err(format!("缺少{what}\n{USAGE}")),
            _ => Err(format!("多余的参数：{}", self.positional[1..].join(" "))),
        }
    }
}

pub(crate) fn number<T: std::str::FromStr>(name: &str, v: &str) -> Result<T, String> {
    v.parse().map_err(|_| format!("{name} 应为非负整数 (expected a number): “{v}”"))
}

fn write_file(path: &Path, content: &str) -> Result<(), String> {
    write_bytes(path, content.as_bytes())
}

pub(crate) fn write_bytes(path: &Path, content: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, content).map_err(|e| format!("{}: {e}", path.display()))
}

/// Today in China Standard Time (UTC+8), or the `--today` given.
pub(crate) fn today(arg: Option<&str>) -> Result<PartialDate, String> {
    match arg {
        Some(s) => match PartialDate::parse(s) {
            Ok(d) if d.day.is_some() => Ok(d),
            Ok(_) => Err(format!("--today 应为完整日期 YYYY-MM-DD：“{s}”")),
            Err(e) => Err(format!("--today：{e}")),
        },
        None => {
            let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
            gongshi_core::calendar::date_from_unix_seconds(secs + 8 * 3600).ok_or_else(|| "系统日期不合理，请用 --today 指定".to_string())
        }
    }
}

/// The top-level `*.json`, `*.pack` and `*.svg` (a logo) files of a data folder.
pub fn read_folder(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = BTreeMap::new();
    for e in entries {
        let e = e.map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = e.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_string) else { continue };
        if path.is_file() && (name.ends_with(".json") || name.ends_with(".pack") || name.ends_with(".svg")) {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.insert(name, bytes);
        }
    }
    Ok(files)
}

// ---------------------------------------------------------------- sample

fn sample(args: &[String], out: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &["--out", "--seed", "--donations", "--relief"], &[])?;
    if !a.positional.is_empty() {
        return Err(format!("多余的参数：{}", a.positional.join(" ")));
    }
    let dir = PathBuf::from(a.get("--out").unwrap_or(DEFAULT_OUT));
    let seed = a.get("--seed").map(|v| number("--seed", v)).transpose()?.unwrap_or(DEFAULT_SEED);
    let donations = a.get("--donations").map(|v| number("--donations", v)).transpose()?.unwrap_or(DEFAULT_DONATIONS);
    let relief_n = a.get("--relief").map(|v| number("--relief", v)).transpose()?.unwrap_or(DEFAULT_RELIEF);
    for (name, content) in render_sample_with(seed, donations, relief_n) {
        let path = dir.join(&name);
        write_file(&path, &content)?;
        let _ = writeln!(out, "已写入 wrote {}：{} 条记录，{} 字节", path.display(), count_records(&name, &content), content.len());
    }
    Ok(0)
}

// ---------------------------------------------------------------- bulk

/// Rows per part file by default: about 18 MB of JSON, well under the app's per-file limit.
const DEFAULT_PART_ROWS: usize = 60_000;

/// `gongshi bulk`: a complete data directory (a copy of `--from`, default public/data) whose
/// donations are `--rows` deterministic sample rows, published in parts per year (a year with
/// more than `--part-rows` rows gets several parts), listed in manifest.json with checksums.
fn bulk(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &["--rows", "--out", "--from", "--seed", "--part-rows"], &[])?;
    let rows: usize = number("--rows", a.get("--rows").ok_or("缺少 --rows N")?)?;
    let dir = PathBuf::from(a.get("--out").ok_or("缺少 --out DIR")?);
    let from = PathBuf::from(a.get("--from").unwrap_or(DEFAULT_OUT));
    let seed = a.get("--seed").map(|v| number("--seed", v)).transpose()?.unwrap_or(DEFAULT_SEED);
    let part_rows: usize = a.get("--part-rows").map(|v| number("--part-rows", v)).transpose()?.unwrap_or(DEFAULT_PART_ROWS).max(1);
    let files = read_folder(&from)?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // Old parts from an earlier run would be left behind and confuse nobody but the reader.
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.starts_with("donations-") && (name.ends_with(".json") || name.ends_with(".pack")) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).map_err(|e| format!("{}: {e}", dir.join(name).display()))?;
    }
    // A publication history with no release yet, as `gongshi init` makes it (the history of
    // --from is that data's, not this).
    let history = serde_json::to_string_pretty(&gongshi_core::history::Index::empty()).expect("plain data");
    write_file(&dir.join(gongshi_core::history::INDEX), &(history + "\n"))?;
    // Donations and the disbursements drawn on them, from one generation, so they reconcile.
    let ledger = sample::generate(seed, rows);
    let disbursements = crate::render_ledger(&ledger.disbursements);
    if disbursements.len() <= gongshi_core::json::MAX_FILE_BYTES {
        write_file(&dir.join("disbursements.json"), &disbursements)?;
    } else {
        // Too large for one file (the app refuses files over the limit): keep the copied one.
        // `gongshi check` will then report disbursements drawn on donations that do not match.
        let _ =
            writeln!(err, "note: {} 笔支出超过单个文件上限，disbursements.json 保留 --from 中的版本（与这些捐赠不对应）", ledger.disbursements.records.len());
    }
    let records = ledger.donations.records;
    let mut by_year: BTreeMap<String, Vec<gongshi_core::ledger::RawDonation>> = BTreeMap::new();
    for r in records {
        let year = r.date.as_deref().and_then(|d| d.get(..4)).unwrap_or("0000").to_string();
        by_year.entry(year).or_default().push(r);
    }
    let envelope = |records| gongshi_core::ledger::RawFile {
        schema: Some(gongshi_core::ledger::DONATIONS_SCHEMA.into()),
        sample: Some(true),
        note: Some(sample::SAMPLE_NOTE.into()),
        records,
        corrections: Vec::new(),
    };
    let mut parts = Vec::new();
    let mut total_bytes = 0usize;
    for (year, recs) in by_year {
        let chunks: Vec<_> = recs.chunks(part_rows).map(|c| c.to_vec()).collect();
        let many = chunks.len() > 1;
        for (k, chunk) in chunks.into_iter().enumerate() {
            let name = if many { format!("donations-{year}-{}.json", k + 1) } else { format!("donations-{year}.json") };
            let n = chunk.len() as u64;
            let content = crate::render_ledger(&envelope(chunk));
            write_file(&dir.join(&name), &content)?;
            total_bytes += content.len();
            parts.push(manifest::RawPart {
                file: Some(name),
                year: year.parse().ok(),
                records: Some(n),
                sha256: Some(sha256_hex(content.as_bytes())),
                bytes: Some(content.len() as u64),
                pack: None,
            });
        }
    }
    // The whole-file path stays valid (an empty ledger) for tools that do not know parts.
    let mut whole = envelope(Vec::new());
    whole.note = Some(format!("{}本数据集按年度分卷发布，见 manifest.json 中的 parts。", sample::SAMPLE_NOTE));
    let whole = crate::render_ledger(&whole);
    write_file(&dir.join("donations.json"), &whole)?;
    let mpath = dir.join(manifest::FILE);
    let text = std::fs::read_to_string(&mpath).map_err(|e| format!("{}: {e}", mpath.display()))?;
    let mut raw: RawManifest = gongshi_core::json::parse(manifest::FILE, &text).map_err(|d| d.to_string())?;
    let ds = raw.datasets.iter_mut().find(|d| d.id.as_deref() == Some("donations")).ok_or("manifest.json 中没有 donations 数据集")?;
    ds.sha256 = Some(sha256_hex(whole.as_bytes()));
    ds.bytes = Some(whole.len() as u64);
    ds.records = Some(rows as u64);
    ds.parts = Some(parts.clone());
    write_file(&mpath, &(serde_json::to_string_pretty(&raw).expect("plain data") + "\n"))?;
    // The summary and the manifest's checksums, as a publisher would (quietly).
    let d = dir.to_string_lossy().to_string();
    build_summary(std::slice::from_ref(&d), &mut std::io::sink(), err)?;
    manifest_cmd(&[d], &mut std::io::sink(), err)?;
    let _ = writeln!(out, "已写入 wrote {}：{rows} 条捐赠，分 {} 卷，{total_bytes} 字节", dir.display(), parts.len());
    Ok(0)
}

// ---------------------------------------------------------------- import

/// Reads a mapping file: `{"column header": "field"}`, `null` or `""` to ignore a column.
/// Column mappings, and the value mappings under "值" (`{"值": {"救助项目": {"应急救助": "临时救助"}}}`).
type Mappings = (Vec<(String, Option<String>)>, Vec<(String, String, String)>);

fn read_mapping(path: &Path) -> Result<Mappings, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| format!("映射文件 {}：JSON 格式错误（{e}）", path.display()))?;
    let obj = value.as_object().ok_or_else(|| format!("映射文件 {}：应为 {{\"列名\": \"字段\"}} 形式的对象", path.display()))?;
    let mut values = Vec::new();
    if let Some(v) = obj.get("值") {
        let bad = || format!("映射文件 {}：“值”应写作 {{\"字段\": {{\"表中的写法\": \"应为\"}}}}", path.display());
        for (field, words) in v.as_object().ok_or_else(bad)? {
            for (from, to) in words.as_object().ok_or_else(bad)? {
                values.push((field.clone(), from.clone(), to.as_str().ok_or_else(bad)?.to_string()));
            }
        }
    }
    let columns = obj
        .iter()
        .filter(|(k, _)| k.as_str() != "值")
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => Ok((k.clone(), Some(s.clone()))),
            serde_json::Value::Null => Ok((k.clone(), None)),
            _ => Err(format!("映射文件 {}：列“{k}”的字段应为字符串或 null", path.display())),
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok((columns, values))
}

/// The organisation relief and coverage rows are matched against: the manifest given with
/// `--manifest`, else the one in `--out`'s folder, else `./manifest.json`. Other datasets need
/// none.
fn import_org(kind: Kind, manifest: Option<&str>, out: Option<&str>) -> Result<gongshi_core::org::Organisation, String> {
    let found = match (manifest, out) {
        (Some(m), _) => Some(PathBuf::from(m)),
        (None, Some(o)) => Some(Path::new(o).parent().unwrap_or(Path::new(".")).join("manifest.json")).filter(|p| p.exists()),
        (None, None) => None,
    }
    .or_else(|| Some(PathBuf::from("manifest.json")).filter(|p| p.exists()));
    let needs = matches!(kind, Kind::Relief | Kind::Coverage);
    let Some(path) = found else {
        return if needs {
            Err("导入救助或组织覆盖数据，需要本会的行政区划和救助项目：请用 --manifest 指定数据目录的 manifest.json（新机构可先用 gongshi init 建立数据目录）"
                .into())
        } else {
            Ok(Default::default())
        };
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let m = gongshi_core::manifest::load(&text).map_err(|d| format!("{}: {}", path.display(), d.message))?;
    Ok(m.value.organisation.as_ref().clone())
}

/// `gongshi init DIR`: writes a new organisation's data folder (refusing to overwrite one), its
/// (empty) summary, then its checksums and cadences as `gongshi manifest` does.
fn init_cmd(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &["--name", "--name-en", "--divisions", "--division-label", "--programmes", "--today"], &[])?;
    let dir = PathBuf::from(a.one_positional("新数据目录 DIR")?);
    let init = gongshi_publish::init::Init {
        name: a.get("--name").ok_or("缺少 --name（机构名称）")?.to_string(),
        name_en: a.get("--name-en").map(String::from),
        division_label: a.get("--division-label").map(String::from),
        divisions: a.get("--divisions").ok_or("缺少 --divisions（本会的行政区划，如 \"城关镇,东乡\"）")?.to_string(),
        programmes: a.get("--programmes").map(String::from),
        today: today(a.get("--today"))?.to_string(),
    };
    let files = gongshi_publish::init::files(&init)?;
    if dir.join("manifest.json").exists() {
        return Err(format!("{} 已有 manifest.json：init 只建立新的数据目录，不会覆盖", dir.display()));
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, text) in &files {
        write_file(&dir.join(name), text)?;
    }
    build_summary(&[dir.display().to_string()], out, &mut std::io::sink())?;
    manifest_cmd(&[dir.display().to_string()], out, err)?;
    let _ = writeln!(out, "init: {} 个文件已写入 {}；下一步：gongshi import 导入数据，gongshi check 检查", files.len(), dir.display());
    Ok(0)
}

/// `gongshi import`'s arguments.
struct ImportArgs {
    file: PathBuf,
    kind: Kind,
    sheet: Option<String>,
    map: Option<String>,
    out: Option<String>,
    manifest: Option<String>,
    /// Import the good rows when some are in error.
    skip_bad: bool,
    /// Totals rows that do not add up are accepted.
    accept_totals: bool,
}

impl ImportArgs {
    fn parse(args: &[String]) -> Result<ImportArgs, String> {
        let a = Args::parse(args, &["--dataset", "--sheet", "--map", "--out", "--manifest"], &["--skip-bad", "--accept-totals"])?;
        let file = PathBuf::from(a.one_positional("要导入的文件 FILE.xlsx 或 FILE.csv")?);
        let kind_key = a.get("--dataset").ok_or_else(|| format!("缺少 --dataset（{}）", Kind::ALL.map(Kind::key).join("|")))?;
        let kind = Kind::parse(kind_key).ok_or_else(|| format!("--dataset “{kind_key}”无法识别（应为 {}）", Kind::ALL.map(Kind::key).join("、")))?;
        let owned = |name: &str| a.get(name).map(String::from);
        Ok(ImportArgs {
            file,
            kind,
            sheet: owned("--sheet"),
            map: owned("--map"),
            out: owned("--out"),
            manifest: owned("--manifest"),
            skip_bad: a.flags.contains("--skip-bad"),
            accept_totals: a.flags.contains("--accept-totals"),
        })
    }
}

/// `gongshi import FILE --dataset KIND`: the first sheet that imports, reported on standard
/// error, merged with what the file imported over keeps, written to `--out` or standard output.
fn import_cmd(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> CmdResult {
    let a = ImportArgs::parse(args)?;
    let (mapping, values) = a.map.as_deref().map(|m| read_mapping(Path::new(m))).transpose()?.unwrap_or_default();
    let source = a.file.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
    let tables = sheet::read(&a.file, a.sheet.as_deref())?;
    let org = import_org(a.kind, a.manifest.as_deref(), a.out.as_deref())?;
    let opts = Options { kind: a.kind, source: source.clone(), mapping, org, accept_totals: a.accept_totals, values };
    let (table, (output, report)) = first_importable(&tables, &opts)?;
    print_import_report(err, a.kind, &source, table, &report);
    let bad = report.errors.len();
    if let Some(code) = refuse_import(err, bad, a.skip_bad, &output) {
        return Ok(code);
    }
    let output = link_receipts(output, a.out.as_deref(), err)?;
    let output = keep_coverage_not_in_sheet(output, a.out.as_deref(), err)?;
    let output = keep_other_relief_sheet(output, a.out.as_deref(), err)?;
    write_import(&output, a.out.as_deref(), out, err)?;
    if bad > 0 {
        let _ = writeln!(err, "import: 按 --skip-bad 跳过了 {bad} 行有错误的记录（见上），其余已写入");
    }
    Ok(0)
}

/// The first table (sheet) that imports, with what it gave; else the first table's error.
fn first_importable<'t>(tables: &'t [import::Table], opts: &Options) -> Result<(&'t import::Table, (import::Output, import::Report)), String> {
    let mut first_err = None;
    for t in tables {
        match import::import(t, opts) {
            Ok(r) => return Ok((t, r)),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    Err(first_err.unwrap_or_else(|| format!("{}：表格是空的", opts.source)))
}

/// What the import read, on standard error: the header row, each column's field, the rows
/// skipped, notes, masked names and the rows in error.
fn print_import_report(err: &mut dyn Write, kind: Kind, source: &str, table: &import::Table, report: &import::Report) {
    let sheet_label = table.sheet.as_ref().map(|s| format!(" 工作表“{s}”")).unwrap_or_default();
    let _ = writeln!(err, "import: {source}{sheet_label}，表头在第 {} 行", report.header_row);
    // Each column with the field it was read as, by the field's Chinese name (not the file
    // format's key): 捐赠日期→日期.
    let zh = |key: &'static str| kind.fields().iter().find(|fd| fd.key == key).map_or(key, |fd| fd.zh);
    let cols: Vec<String> = report.columns.iter().filter_map(|(h, f)| f.map(|f| format!("{h}→{}", zh(f)))).collect();
    let _ = writeln!(err, "  列 columns: {}", cols.join("，"));
    for (row, why) in &report.skipped {
        let _ = writeln!(err, "  跳过 skipped 第 {row} 行：{why}");
    }
    if report.blank_rows > 0 {
        let _ = writeln!(err, "  跳过 skipped {} 个空行", report.blank_rows);
    }
    for n in &report.notes {
        let _ = writeln!(err, "  注意 note: {n}");
    }
    if report.masked > 0 {
        let _ = writeln!(err, "  已脱敏 masked: {} 个受助人姓名改为“姓＋某”", report.masked);
    }
    for e in &report.errors {
        let _ = writeln!(err, "error: {e}");
    }
}

/// The exit code when nothing is to be written: rows in error (without --skip-bad), or no
/// record at all.
fn refuse_import(err: &mut dyn Write, bad: usize, skip_bad: bool, output: &import::Output) -> Option<u8> {
    if bad > 0 && !skip_bad {
        let _ = writeln!(err, "import: {bad} 行有错误，没有写入任何文件（修正后重新导入，或用 --skip-bad 只导入正确的行）");
        return Some(1);
    }
    if output.records() == 0 {
        let _ = writeln!(err, "import: 没有可导入的记录，没有写入任何文件");
        return Some(1);
    }
    None
}

/// Offices link spending to donations by receipt number (收据号): resolved to the donations'
/// ids from the folder's ledger, when there is one (`--out` in a folder with a manifest).
fn link_receipts(output: import::Output, out_path: Option<&str>, err: &mut dyn Write) -> Result<import::Output, String> {
    let folder = out_path.map(Path::new).and_then(|p| p.parent()).filter(|d| d.join(gongshi_core::manifest::FILE).exists());
    let (mut file, folder) = match (output, folder) {
        (import::Output::Disbursements(file), Some(folder)) => (file, folder),
        (o, _) => return Ok(o),
    };
    let (loaded, _) = check::load_folder(&read_folder(folder)?);
    let donations = loaded.donations.unwrap_or_default();
    let ids: std::collections::HashSet<&str> = donations.iter().map(|d| d.id.as_str()).collect();
    let by_receipt: std::collections::HashMap<&str, &str> = donations.iter().filter_map(|d| d.receipt.as_deref().map(|r| (r, d.id.as_str()))).collect();
    let mut resolved = 0;
    let mut unknown: BTreeSet<String> = BTreeSet::new();
    for r in &mut file.records {
        for x in &mut r.from_donations {
            match (ids.contains(x.as_str()), by_receipt.get(x.trim())) {
                (true, _) => {}
                (false, Some(id)) => {
                    *x = id.to_string();
                    resolved += 1;
                }
                (false, None) => {
                    unknown.insert(x.clone());
                }
            }
        }
    }
    if !unknown.is_empty() {
        let _ = writeln!(
            err,
            "  注意 note: 来源捐赠 {} 在 {} 中既不是捐赠编号也不是收据号：先导入这些捐赠，否则 gongshi check 会报错",
            unknown.iter().map(|u| format!("“{u}”")).collect::<Vec<_>>().join(""),
            folder.join("donations.json").display()
        );
    }
    if resolved > 0 {
        let _ = writeln!(err, "  注意 note: {resolved} 个来源捐赠按收据号找到了对应的捐赠编号（{}）", folder.join("donations.json").display());
    }
    Ok(import::Output::Disbursements(file))
}

/// A coverage sheet holds the county rows only: what the file imported over has besides them
/// (the city's figures, the volunteer teams, the report's quotes) is kept, and said to be
/// hand-entered.
fn keep_coverage_not_in_sheet(output: import::Output, out_path: Option<&str>, err: &mut dyn Write) -> Result<import::Output, String> {
    let (new, path) = match (output, out_path.map(Path::new).filter(|p| p.exists())) {
        (import::Output::Coverage(new), Some(path)) => (new, path),
        (o, _) => return Ok(o),
    };
    let old: gongshi_core::coverage::RawCoverage = serde_json::from_str(&std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?)
        .map_err(|e| format!("{}：{e}", path.display()))?;
    let kept: Vec<&str> = [
        (old.city != Default::default(), "全市数字（city）"),
        (old.teams_after_total.is_some() || !old.teams_after.is_empty() || old.teams_before != Default::default(), "志愿服务队（teams_*）"),
        (!old.facts.is_empty(), "报告原文（facts）"),
    ]
    .into_iter()
    .filter_map(|(has, what)| has.then_some(what))
    .collect();
    if !kept.is_empty() {
        let _ = writeln!(err, "  注意 note: 表中只有各县（市、区）的行：保留了 {} 中的{}，它们仍需手工维护", path.display(), kept.join("、"));
    }
    if kept.len() < 3 {
        let _ =
            writeln!(err, "  注意 note: 全市数字（city）、志愿服务队（teams_*）和报告原文（facts）不从表格导入：要公布时，请在 {} 中手工填写", path.display());
    }
    // Sample team kinds do not stay beside real county rows; the old note described the old rows.
    let mut merged = gongshi_core::coverage::RawCoverage { counties: new.counties, schema: new.schema, sample: new.sample, note: None, ..old };
    let before = merged.teams_after.len();
    merged.teams_after.retain(|t| t.origin.as_deref() != Some("sample"));
    if merged.teams_after.len() < before {
        let _ = writeln!(err, "  注意 note: 删去了 {} 类示例的志愿服务队（真实的各类队数请手工填写）", before - merged.teams_after.len());
    }
    Ok(import::Output::Coverage(merged))
}

/// Relief is published as a list (records) and as totals (aggregates), which offices keep in
/// two sheets: importing one keeps the other from the file it is imported over.
fn keep_other_relief_sheet(output: import::Output, out_path: Option<&str>, err: &mut dyn Write) -> Result<import::Output, String> {
    let (mut new, path) = match (output, out_path.map(Path::new).filter(|p| p.exists())) {
        (import::Output::Relief(new), Some(path)) => (new, path),
        (o, _) => return Ok(o),
    };
    let old: relief::RawReliefFile = serde_json::from_str(&std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?)
        .map_err(|e| format!("{}：{e}", path.display()))?;
    let real = |o: &Option<String>| o.as_deref() != Some("sample");
    if new.aggregates.is_empty() {
        new.aggregates = old.aggregates.into_iter().filter(|x| real(&x.origin)).collect();
        if !new.aggregates.is_empty() {
            let _ = writeln!(err, "  注意 note: 保留了 {} 中原有的 {} 个汇总格子（aggregates）", path.display(), new.aggregates.len());
        }
    } else if new.records.is_empty() {
        new.records = old.records.into_iter().filter(|x| real(&x.origin)).collect();
        if !new.records.is_empty() {
            let _ = writeln!(err, "  注意 note: 保留了 {} 中原有的 {} 条逐人记录（records）", path.display(), new.records.len());
        }
    }
    Ok(import::Output::Relief(new))
}

/// Writes the imported file to `--out`, or to standard output.
fn write_import(output: &import::Output, out_path: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let text = render_output(output);
    match out_path {
        Some(path) => {
            write_file(Path::new(path), &text)?;
            let _ = writeln!(out, "import: 导入 {} 条记录 → {path}（{} 字节）", output.records(), text.len());
        }
        None => {
            let _ = out.write_all(text.as_bytes());
            let _ = writeln!(err, "import: 导入 {} 条记录", output.records());
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- check

/// The report as JSON: `[{file, path, line, column, severity, message}]`.
pub fn report_json(report: &Report) -> String {
    let items: Vec<serde_json::Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            serde_json::json!({
                "file": d.file,
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "severity": if d.severity == Severity::Error { "error" } else { "warning" },
                "message": d.message,
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("plain data") + "\n"
}

/// The report for people: one line per finding, then the summary line.
pub fn report_text(report: &Report) -> String {
    let mut s = String::new();
    for d in &report.diagnostics {
        let sev = if d.severity == Severity::Error { "error" } else { "warning" };
        let pos = match (d.line, d.column) {
            (Some(l), Some(c)) => format!(":{l}:{c}"),
            _ => String::new(),
        };
        let path = if d.path.is_empty() { String::new() } else { format!(" {}", d.path) };
        s.push_str(&format!("{sev}: {}{pos}{path}: {}\n", d.file, d.message));
    }
    s.push_str(&report.summary_line());
    s.push('\n');
    s
}

fn check_cmd(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &["--format", "--today"], &[])?;
    let dir = PathBuf::from(a.one_positional("数据目录 DIR")?);
    let format = a.get("--format").unwrap_or("text");
    if !matches!(format, "text" | "json") {
        return Err(format!("--format 应为 text 或 json：“{format}”"));
    }
    let today = today(a.get("--today"))?;
    let files = read_folder(&dir)?;
    let report = check::check_folder(&files, Some(today));
    if format == "json" {
        let _ = out.write_all(report_json(&report).as_bytes());
        let _ = writeln!(err, "{}", report.summary_line());
    } else {
        let _ = out.write_all(report_text(&report).as_bytes());
    }
    // Which files are still the generated sample (an editor replacing them one by one needs to
    // know what is left; `gongshi init` starts with none).
    let (loaded, _) = check::load_folder(&files);
    if let Some(m) = &loaded.manifest {
        let sample: Vec<&str> = m.datasets.iter().filter(|d| d.sample).map(|d| d.file.as_str()).collect();
        let real = m.datasets.len() - sample.len();
        if !sample.is_empty() && real > 0 {
            let _ =
                writeln!(err, "note: 仍是示例数据（不是真实记录，网页上标为示例）：{}；替换它们，或用 gongshi init 建立只有真实数据的目录", sample.join("、"));
        }
    }
    Ok(if report.errors() == 0 { 0 } else { 1 })
}

// ---------------------------------------------------------------- mask

fn mask(args: &[String], out: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &["--out"], &[])?;
    let file = PathBuf::from(a.one_positional("救助数据文件 FILE")?);
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or(relief::FILE).to_string();
    // Nothing may be dropped silently: refuse fields the file format does not know.
    let value: serde_json::Value = gongshi_core::json::parse(&name, &text).map_err(|d| d.to_string())?;
    let mut raw: relief::RawReliefFile = gongshi_core::json::parse(&name, &text).map_err(|d| d.to_string())?;
    let back = serde_json::to_value(&raw).expect("plain data");
    let unknown = unknown_keys(&value, &back, "");
    if !unknown.is_empty() {
        return Err(format!("{name} 含有救助文件格式以外的字段，为免丢失没有改写：{}", unknown.join("、")));
    }
    let mut changed = 0;
    let mut named = 0;
    for r in &mut raw.records {
        if let Some(n) = &r.recipient {
            if n.trim().is_empty() {
                continue;
            }
            named += 1;
            let m = privacy::mask_name(n);
            if m != *n {
                changed += 1;
                r.recipient = Some(m);
            }
        }
    }
    let withheld = relief::suppress_small_cells(&mut raw.aggregates);
    let target = a.get("--out").map(PathBuf::from).unwrap_or_else(|| file.clone());
    if changed > 0 || withheld > 0 || a.get("--out").is_some() {
        write_file(&target, &render_relief(&raw))?;
    }
    let _ = writeln!(out, "mask: {changed} of {named} recipient names masked（{changed} 个姓名已脱敏）→ {}", target.display());
    if withheld > 0 {
        let _ = writeln!(out, "mask: {withheld} aggregate cells withheld（{withheld} 个汇总单元格不公布：少于 {} 人，或可由合计推算）", relief::MIN_CELL);
    }
    Ok(0)
}

/// Keys present in `original` but not in `reparsed` (what a typed round trip would drop).
fn unknown_keys(original: &serde_json::Value, reparsed: &serde_json::Value, path: &str) -> Vec<String> {
    use serde_json::Value;
    match (original, reparsed) {
        (Value::Object(a), Value::Object(b)) => a
            .iter()
            .flat_map(|(k, v)| {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                match b.get(k) {
                    None if !v.is_null() => vec![p],
                    None => vec![],
                    Some(w) => unknown_keys(v, w, &p),
                }
            })
            .collect(),
        (Value::Array(a), Value::Array(b)) => a.iter().zip(b).enumerate().flat_map(|(i, (v, w))| unknown_keys(v, w, &format!("{path}[{i}]"))).collect(),
        _ => vec![],
    }
}

// ---------------------------------------------------------------- manifest

/// `gongshi manifest`'s arguments.
struct ManifestArgs {
    dir: PathBuf,
    /// The datasets whose date (and, with `source`, source) this run sets: ids, or `all`.
    touch: Vec<String>,
    today: Option<String>,
    source: Option<String>,
    no_pack: bool,
}

impl ManifestArgs {
    fn parse(args: &[String]) -> Result<ManifestArgs, String> {
        let a = Args::parse(args, &["--touch", "--today", "--source"], &["--no-pack"])?;
        let no_pack = a.flags.contains("--no-pack");
        let dir = PathBuf::from(a.one_positional("数据目录 DIR")?);
        let touch = a.all("--touch").into_iter().map(String::from).collect();
        Ok(ManifestArgs { dir, touch, today: a.get("--today").map(String::from), source: a.get("--source").map(String::from), no_pack })
    }

    fn touches(&self, id: &str) -> bool {
        self.touch.iter().any(|t| t == id || t == "all")
    }
}

/// `gongshi manifest DIR`: every dataset's entry updated from the folder (packs written for
/// donation parts), then manifest.json rewritten; nothing rewritten when a listed file is missing.
fn manifest_cmd(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> CmdResult {
    let a = ManifestArgs::parse(args)?;
    let path = a.dir.join(manifest::FILE);
    let mut raw = read_raw_manifest(&path)?;
    check_touched_ids(&raw, &a.touch)?;
    let today = if a.touch.is_empty() { None } else { Some(today(a.today.as_deref())?) };
    let files = read_folder(&a.dir)?;
    let (loaded, problems) = check::load_folder(&files);
    let org = raw.organisation.as_ref().map(|o| o.name.clone()).unwrap_or_default();
    let org_en = raw.organisation.as_ref().and_then(|o| o.name_en.clone());
    let folder = ManifestFolder { args: &a, today, files: &files, loaded: &loaded, org, org_en };
    let mut done = ManifestDone::default();
    for d in &mut raw.datasets {
        folder.update_dataset(d, &mut done, err)?;
    }
    if !done.missing.is_empty() {
        return Err(format!("清单列出的文件不存在：{}，没有改写 manifest.json", done.missing.join("、")));
    }
    let shards = write_shards(&a, &files, &problems, &mut raw, err)?;
    raw.summary =
        files.get(summary::FILE).map(|b| RawFileRef { file: Some(summary::FILE.to_string()), sha256: Some(sha256_hex(b)), bytes: Some(b.len() as u64) });
    write_file(&path, &(serde_json::to_string_pretty(&raw).expect("plain data") + "\n"))?;
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    print_manifest_written(out, err, &raw, done.packs, &path, &a.dir, errors);
    if shards > 0 {
        let _ = writeln!(out, "已为捐赠查询写出 {shards} 个查询文件（lookup-*.json）");
    }
    Ok(0)
}

/// 捐赠查询's shards for a donations ledger in parts (`gongshi_publish::shard`), written beside
/// the parts after the old ones are removed; the donations entry records how many. None with
/// `--no-pack`, without parts, or when a part or the disbursements file has an error (the app
/// then reads the year the question names). Returns how many were written.
fn write_shards(
    a: &ManifestArgs,
    files: &BTreeMap<String, Vec<u8>>,
    problems: &[gongshi_core::diag::Diagnostic],
    raw: &mut RawManifest,
    err: &mut dyn Write,
) -> Result<usize, String> {
    for name in files.keys().filter(|n| gongshi_core::ledger::shard::is_file_name(n)) {
        std::fs::remove_file(a.dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
    }
    let disbursements = raw.datasets.iter().find(|d| d.id.as_deref() == Some("disbursements")).and_then(|d| Some((d.file.clone()?, d.sha256.clone()?)));
    let Some(d) = raw.datasets.iter_mut().find(|d| d.id.as_deref() == Some("donations")) else { return Ok(0) };
    d.lookup = None;
    let parts: Option<Vec<(String, String)>> = d.parts.iter().flatten().map(|p| Some((p.file.clone()?, p.sha256.clone()?))).collect();
    let (Some(parts), Some((xfile, xsha)), false) = (parts.filter(|p| !p.is_empty()), disbursements, a.no_pack) else { return Ok(0) };
    let bad: BTreeSet<&str> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error && (p.file == xfile || parts.iter().any(|(f, _)| *f == p.file)))
        .map(|p| p.file.as_str())
        .collect();
    if !bad.is_empty() {
        let _ = writeln!(err, "note: {} 有错误，没有写捐赠查询文件（网页读取问题所属的年度）", bad.into_iter().collect::<Vec<_>>().join("、"));
        return Ok(0);
    }
    let buckets = gongshi_publish::shard::for_folder(&parts, (&xfile, &xsha), files, |name, text| write_file(&a.dir.join(name), &text))?;
    d.lookup = Some(manifest::RawLookup { buckets: Some(buckets) });
    Ok(buckets as usize)
}

fn read_raw_manifest(path: &Path) -> Result<RawManifest, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}（先写好 manifest.json 的机构和数据集标题）", path.display()))?;
    gongshi_core::json::parse(manifest::FILE, &text).map_err(|d| d.to_string())
}

/// Every `--touch` names a dataset of the manifest, or is `all`.
fn check_touched_ids(raw: &RawManifest, touch: &[String]) -> Result<(), String> {
    for t in touch {
        if t != "all" && !raw.datasets.iter().any(|d| d.id.as_deref() == Some(t.as_str())) {
            let ids: Vec<&str> = raw.datasets.iter().filter_map(|d| d.id.as_deref()).collect();
            return Err(format!("--touch “{t}”：清单中没有这个数据集（有：{}，或 all）", ids.join("、")));
        }
    }
    Ok(())
}

/// What the manifest's entries are updated from: the arguments and the data folder as read.
struct ManifestFolder<'a> {
    args: &'a ManifestArgs,
    /// The date touched datasets get (`None` when none is touched).
    today: Option<PartialDate>,
    files: &'a BTreeMap<String, Vec<u8>>,
    loaded: &'a check::Loaded,
    /// The organisation's name (a real dataset's source when the sample's is left), and in English.
    org: String,
    org_en: Option<String>,
}

/// What updating the entries found: files the manifest lists that do not exist, packs written.
#[derive(Default)]
struct ManifestDone {
    missing: Vec<String>,
    packs: usize,
}

impl ManifestFolder<'_> {
    /// One dataset's entry: its file's checksum, size, record count and date range, its legal
    /// cadence when it has none, its parts, sample or real as its files say, and (touched) its
    /// date and source.
    fn update_dataset(&self, d: &mut RawDataset, done: &mut ManifestDone, err: &mut dyn Write) -> Result<(), String> {
        let (Some(id), Some(file)) = (d.id.clone(), d.file.clone()) else { return Ok(()) };
        let Some(bytes) = self.files.get(&file) else {
            done.missing.push(file);
            return Ok(());
        };
        d.sha256 = Some(sha256_hex(bytes));
        d.bytes = Some(bytes.len() as u64);
        self.record_stats(d, &id, &file, err);
        if d.cadence.is_none() {
            d.cadence = cadence::legal_default(&id);
        }
        // A dataset in parts: each part's checksum, size and count, and (donations) its pack.
        for p in d.parts.iter_mut().flatten() {
            self.update_part(p, &id, done, err)?;
        }
        let touched = self.args.touches(&id);
        if let Some(t) = self.today.filter(|_| touched) {
            d.last_updated = Some(t.to_string());
        }
        self.follow_sample_flag(d, &id, &file, touched, err);
        if let (true, Some(src)) = (touched, &self.args.source) {
            d.source = Some(src.clone());
            d.source_en = None; // it said something else: the English pages show the new one
        }
        Ok(())
    }

    /// The record count and date range, as check::load_folder read them; kept as they were
    /// (with a warning for a known dataset) when the file could not be read.
    fn record_stats(&self, d: &mut RawDataset, id: &str, file: &str, err: &mut dyn Write) {
        match self.loaded.stats.get(id) {
            Some(s) => {
                d.records = Some(s.records);
                d.date_range = s.date_range.map(|(x, y)| vec![x.to_string(), y.to_string()]);
            }
            None if check::KNOWN.iter().any(|(k, _)| *k == id) => {
                let _ = writeln!(err, "warning: {file} 无法读取，记录数和日期范围保持原样（运行 gongshi check 查看原因）");
            }
            None => {}
        }
    }

    /// One part: its checksum and size; for donations its record count and its pack, written
    /// beside it unless `--no-pack` or the part has problems.
    fn update_part(&self, p: &mut RawPart, id: &str, done: &mut ManifestDone, err: &mut dyn Write) -> Result<(), String> {
        let Some(file) = p.file.clone() else { return Ok(()) };
        let Some(bytes) = self.files.get(&file) else {
            done.missing.push(file);
            return Ok(());
        };
        p.sha256 = Some(sha256_hex(bytes));
        p.bytes = Some(bytes.len() as u64);
        p.pack = None;
        if id != "donations" {
            return Ok(());
        }
        // As check::load_folder read it (each part is parsed once).
        match self.loaded.part(&file) {
            Some((records, part_problems)) => {
                p.records = Some(records.len() as u64);
                if !self.args.no_pack && !part_problems.is_empty() {
                    // A pack is trusted no further than its JSON: the app validates its
                    // records and refuses it on any problem, so a part with problems has none.
                    let _ = writeln!(err, "note: {file} 有 {} 处问题，没有为它写快速加载文件（网页读取 JSON）", part_problems.len());
                } else if !self.args.no_pack {
                    let name = gongshi_core::pack::pack_name(&file);
                    let sample = records.iter().any(|d| d.origin.is_sample());
                    let pack = gongshi_publish::pack::encode_donations(&file, bytes, sample, records);
                    write_bytes(&self.args.dir.join(&name), &pack)?;
                    p.pack = Some(RawFileRef { file: Some(name), sha256: Some(sha256_hex(&pack)), bytes: Some(pack.len() as u64) });
                    done.packs += 1;
                }
            }
            None => {
                let _ = writeln!(err, "warning: {file} 无法读取，没有为它写快速加载文件（运行 gongshi check 查看原因）");
            }
        }
        Ok(())
    }

    /// Sample or real, as the file itself says (all its parts, for a dataset in parts): real
    /// data that replaced the sample is never called sample, nor sourced to the generator.
    fn follow_sample_flag(&self, d: &mut RawDataset, id: &str, file: &str, touched: bool, err: &mut dyn Write) {
        let flags: Vec<Option<bool>> = std::iter::once(file)
            .chain(d.parts.iter().flatten().filter_map(|p| p.file.as_deref()))
            .filter_map(|f| self.files.get(f))
            .map(|b| serde_json::from_slice::<serde_json::Value>(b).ok().and_then(|v| v.get("sample").and_then(serde_json::Value::as_bool)))
            .collect();
        let Some(sample) = flags.iter().flatten().copied().reduce(|x, y| x || y) else { return };
        if d.sample != Some(sample) {
            let _ = writeln!(err, "note: {file} 的 sample 改为 {sample}（以数据文件为准）");
            d.sample = Some(sample);
        }
        let generated = d.source.as_deref().is_some_and(|s| s.contains("示例") || s.to_lowercase().contains("sample"));
        if !sample && generated && !(touched && self.args.source.is_some()) {
            let source = format!("{}发布", self.org);
            let _ = writeln!(err, "note: {file} 已是真实数据，来源原为示例数据的说明，改为“{source}”（请核对；可用 --touch {id} --source \"…\" 指定）");
            d.source = Some(source);
            d.source_en = self.org_en.as_ref().map(|n| format!("Published by {n}"));
        }
    }
}

/// What `gongshi manifest` wrote: a line per dataset, the packs, the file; and a warning when
/// the data has errors (the counts are of the usable records).
fn print_manifest_written(out: &mut dyn Write, err: &mut dyn Write, raw: &RawManifest, packs: usize, path: &Path, dir: &Path, errors: usize) {
    for d in &raw.datasets {
        let range = d.date_range.as_ref().map(|r| format!("，{} 至 {}", r[0], r[1])).unwrap_or_default();
        let _ = writeln!(
            out,
            "{}：{} 条记录，{} 字节{range}，sha256 {}…",
            d.file.as_deref().unwrap_or("?"),
            d.records.map(|n| n.to_string()).unwrap_or_else(|| "?".into()),
            d.bytes.unwrap_or(0),
            d.sha256.as_deref().map(|h| &h[..12]).unwrap_or("")
        );
    }
    if packs > 0 {
        let _ = writeln!(out, "已为捐赠分卷写出 {packs} 个快速加载文件（.pack）");
    }
    let _ = writeln!(out, "已写入 wrote {}", path.display());
    if errors > 0 {
        let _ = writeln!(err, "warning: 数据中有 {errors} 处错误，记录数只计可用的记录；运行 gongshi check {} 查看", dir.display());
    }
}

// ---------------------------------------------------------------- schema

fn schema_cmd(args: &[String], out: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &["--out"], &[])?;
    if !a.positional.is_empty() {
        return Err(format!("多余的参数：{}", a.positional.join(" ")));
    }
    let dir = PathBuf::from(a.get("--out").unwrap_or("public/schema"));
    for (name, content) in schema::schema_files() {
        let path = dir.join(&name);
        write_file(&path, &content)?;
        let _ = writeln!(out, "已写入 wrote {}", path.display());
    }
    Ok(0)
}

// ---------------------------------------------------------------- pinyin-table

fn pinyin_table_cmd(args: &[String], out: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &[], &[])?;
    let path = PathBuf::from(match a.positional.as_slice() {
        [] => "public/pinyin.txt",
        [one] => one,
        more => return Err(format!("多余的参数：{}", more[1..].join(" "))),
    });
    let t = pinyin::table();
    write_file(&path, &t.text)?;
    let _ = writeln!(out, "已写入 wrote {}: {} syllables, {} characters, {} bytes", path.display(), t.syllables, t.characters, t.text.len());
    if !t.dropped.is_empty() {
        let list: Vec<String> = t.dropped.iter().map(|(c, r)| format!("{c} {r}")).collect();
        let _ = writeln!(out, "未收录 left out {} readings that are not a–z: {}", t.dropped.len(), list.join(", "));
    }
    Ok(0)
}

// ---------------------------------------------------------------- build-summary

/// Largest summary.json the overview should have to download.
pub const SUMMARY_BUDGET: usize = 20 * 1024;

fn build_summary(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> CmdResult {
    let a = Args::parse(args, &["--out"], &[])?;
    let dir = PathBuf::from(a.one_positional("数据目录 DIR")?);
    let files = read_folder(&dir)?;
    let (loaded, problems) = check::load_folder(&files);
    let file_of: BTreeMap<String, String> = check::dataset_files(loaded.manifest.as_ref()).into_iter().collect();
    let failed: Vec<&String> =
        check::KNOWN.iter().filter(|(id, _)| files.contains_key(&file_of[*id]) && !loaded.stats.contains_key(*id)).map(|(id, _)| &file_of[*id]).collect();
    if !failed.is_empty() {
        for p in problems.iter().filter(|p| p.severity == Severity::Error) {
            let _ = writeln!(err, "error: {p}");
        }
        return Err(format!("无法读取 {}，没有写出汇总（先运行 gongshi check）", failed.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("、")));
    }
    let s = gongshi_publish::summary::build(&loaded.summary_inputs());
    let text = render_summary(&s);
    let path = a.get("--out").map(PathBuf::from).unwrap_or_else(|| dir.join(summary::FILE));
    write_file(&path, &text)?;
    let _ = writeln!(
        out,
        "已写入 wrote {}：{} 字节，{} 年的收支，{} 行救助汇总",
        path.display(),
        text.len(),
        s.money_by_year.len(),
        s.relief_by_programme_year.len()
    );
    if text.len() > SUMMARY_BUDGET {
        let _ = writeln!(err, "warning: summary.json 超过 {SUMMARY_BUDGET} 字节");
    }
    if a.get("--out").is_none() && files.contains_key(manifest::FILE) {
        let _ = writeln!(err, "note: 运行 gongshi manifest {} 更新清单中 summary.json 的校验值", dir.display());
    }
    Ok(0)
}
