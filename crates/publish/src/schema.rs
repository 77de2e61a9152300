//! JSON Schemas of the data files, generated from the types below by `gongshi schema`.
//!
//! These types describe the files **as they should be written** (required fields required,
//! enumerations closed, unknown fields refused), with every field documented in Chinese and
//! English. The core's raw types are deliberately lenient (every field optional) so that the app
//! can report every problem at once; these are the strict counterpart for editors and tools.
//! A test deserialises every shipped data file into these types, so schema and data agree.

use gongshi_core::{coverage, ledger, relief, summary};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;
use std::borrow::Cow;

/// The description of a file's `schema` field, naming the format id the core writes.
fn format_version(id: &str) -> String {
    format!("格式版本：{id}。Format version.")
}

/// An ISO date at the precision the source gives.
#[derive(Deserialize, Debug)]
pub struct IsoDate(pub String);

impl JsonSchema for IsoDate {
    fn schema_name() -> Cow<'static, str> {
        "IsoDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
            "description": "日期：YYYY-MM-DD，来源只给到月或年时写 YYYY-MM 或 YYYY；不存在的日期（2019-02-29）无效。Date: YYYY-MM-DD, or YYYY-MM / YYYY where the source gives only a month or a year; impossible dates are invalid.",
            "examples": ["2023-09-18", "2020-04", "2021"]
        })
    }
}

/// A SHA-256 digest in hex.
#[derive(Deserialize, Debug)]
pub struct Sha256Hex(pub String);

impl JsonSchema for Sha256Hex {
    fn schema_name() -> Cow<'static, str> {
        "Sha256Hex".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "文件内容的 SHA-256 校验值（64 位小写十六进制），由 gongshi manifest 写入。SHA-256 of the file's bytes (64 lowercase hex digits), written by `gongshi manifest`."
        })
    }
}

/// A full date, YYYY-MM-DD.
#[derive(Deserialize, Debug)]
pub struct FullDate(pub String);

impl JsonSchema for FullDate {
    fn schema_name() -> Cow<'static, str> {
        "FullDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
            "description": "完整日期 YYYY-MM-DD。A full date, YYYY-MM-DD.",
            "examples": ["2026-12-01"]
        })
    }
}

/// 更正说明：本文件中一条已公布的真实记录被更改或删除时，说明更正了什么、为什么；`gongshi release` 拒绝没有更正说明的更改。
/// A correction note: what was changed in (or why it was removed) a real record an earlier release published, and why; `gongshi release` refuses such a change without one.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct CorrectionNote {
    /// 所更正的记录：台账和救助记录的 id、整改问题的序号（如 "9"）、数字的 id、县（市、区）名称等，见 docs/data-format.md。The record: a ledger or relief record's id, a problem's number ("9"), a figure's id, a county's name…; see docs/data-format.md.
    pub record: String,
    /// 更正日期，须晚于公布该记录的版本的日期。The date of the correction, after the release that published the record.
    pub date: FullDate,
    /// 更正了什么。What changed.
    pub what: String,
    /// 为什么。Why.
    pub why: String,
}

// ------------------------------------------------------------------ manifest.json

/// manifest.json — 数据目录：发布机构，以及每个数据集的文件、标题、更新日期、来源、记录数、是否示例、校验值和法定公开周期。
/// The data catalogue: the publishing organisation and, per dataset, its file, title, last update, source, record count, sample flag, checksum and legal publication cadence.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gongshi manifest.json")]
pub struct Manifest {
    /// 发布机构。The publishing organisation.
    pub organisation: Organisation,
    /// 数据集，每个数据文件一项。The datasets, one per data file.
    pub datasets: Vec<ManifestDataset>,
    /// 概览汇总文件 summary.json 及其校验值。The overview summary file and its checksum.
    #[serde(default)]
    pub summary: Option<FileRef>,
}

/// 发布机构。The publishing organisation.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// 机构名称（中文）。Name in Chinese.
    pub name: String,
    /// 英文名称。Name in English.
    #[serde(default)]
    pub name_en: Option<String>,
    /// 机构网站。Website.
    #[serde(default)]
    pub website: Option<String>,
    /// 简称，用于窄屏页头。Short name, for narrow headers.
    #[serde(default)]
    pub short_name: Option<String>,
    /// 英文简称。Short name in English.
    #[serde(default)]
    pub short_name_en: Option<String>,
    /// 网站标题（默认为“机构名称 信息公开”）。The site's title (default: the name and 信息公开).
    #[serde(default)]
    pub site_title: Option<String>,
    /// 英文网站标题。The site's title in English.
    #[serde(default)]
    pub site_title_en: Option<String>,
    /// 联系方式（办公地址、办公电话、电子邮箱），显示在页脚。A contact line for the footer (office address, office telephone, e-mail).
    #[serde(default)]
    pub contact: Option<String>,
    /// 英文联系方式。The contact line in English.
    #[serde(default)]
    pub contact_en: Option<String>,
    /// 监督与反馈电话（页脚中显示为可拨打的链接）。The phone number for oversight and questions (a tel: link in the footer).
    #[serde(default)]
    pub phone: Option<String>,
    /// 监督与反馈电子邮箱（页脚和“对此有疑问”链接）。The e-mail address for oversight and questions (the footer and the “question about this” links).
    #[serde(default)]
    pub email: Option<String>,
    /// 邮寄地址。The postal address.
    #[serde(default)]
    pub address: Option<String>,
    /// 邮政编码。Its postcode.
    #[serde(default)]
    pub postcode: Option<String>,
    /// 标志：数据目录中的一个 SVG 文件名，不得含有脚本。The logo: an SVG file in the data folder, with no script.
    #[serde(default)]
    pub logo: Option<String>,
    /// 主题色 #rrggbb，与白色的对比度须至少 4.5:1。The accent colour, #rrggbb, at least 4.5:1 against white.
    #[serde(default)]
    #[schemars(regex(pattern = r"^#[0-9a-fA-F]{6}$"))]
    pub accent: Option<String>,
    /// 本会公布的行政区划，按本会的顺序；救助和组织覆盖数据只能写这些名称。The divisions the organisation covers, in its order; relief and coverage records may name only these.
    #[serde(default)]
    pub divisions: Vec<Division>,
    /// 全部行政区划合计的名称（全市、全县），默认“全市”；文件中合计行的县（市、区）仍写“全市”。What a total over every division is called (全市, 全县); files still write 全市 in a total's county.
    #[serde(default)]
    pub whole_area: Option<String>,
    /// 合计的英文名称。Its English name.
    #[serde(default)]
    pub whole_area_en: Option<String>,
    /// 行政区划一栏的标题（县（市、区）、乡镇（街道）），默认按区划代码的层级。What a division is called in headings (县（市、区）, 乡镇（街道）); by default from the codes' level.
    #[serde(default)]
    pub division_label: Option<String>,
    /// 其英文名称（County、Township）。Its English form (County, Township).
    #[serde(default)]
    pub division_label_en: Option<String>,
    /// 本会的救助项目，按本会的顺序。The organisation's relief programmes, in its order.
    #[serde(default)]
    pub programmes: Vec<ProgrammeDef>,
}

/// 一个行政区划。One administrative division.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Division {
    /// 名称，与数据中的写法一致（如 城关镇）。The name, as records write it.
    pub name: String,
    /// 英文名称。The English name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// 统计用区划代码：县级 6 位、乡级 9 位、村级 12 位。The statistical division code: 6 digits (county), 9 (township), 12 (village).
    #[serde(default)]
    #[schemars(regex(pattern = r"^([0-9]{6}|[0-9]{9}|[0-9]{12})$"))]
    pub code: Option<String>,
}

/// 一个救助项目。One relief programme.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeDef {
    /// 标识，救助数据的 programme 字段写它：小写字母、数字和 _。The key relief records write: lower-case letters, digits and _.
    #[schemars(regex(pattern = r"^[a-z0-9_]+$"))]
    pub key: String,
    /// 名称。The name.
    pub name: String,
    /// 英文名称。The English name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// 儿童或大病救助项目：只公布汇总数，不得逐人公布。A children's or medical programme: published only as aggregates.
    #[serde(default)]
    pub aggregate_only: bool,
    /// 表格中的其他写法（如“临时救助”），gongshi import 可以识别。Other words spreadsheets use for it, which gongshi import accepts.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// 一个数据集。One dataset.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct ManifestDataset {
    /// 数据集标识：rectification、figures、donations、disbursements、goods、relief、coverage。Dataset id.
    pub id: String,
    /// data/ 目录中的文件名（不得含路径）。File name inside the data folder (no path).
    #[schemars(regex(pattern = r"^[^/\\]+$"))]
    pub file: String,
    /// 标题（中文）。Title in Chinese.
    pub title: String,
    /// 英文标题。Title in English.
    #[serde(default)]
    pub title_en: Option<String>,
    /// 最近一次更新（公开）的日期。Date of the last update (publication).
    #[serde(default)]
    pub last_updated: Option<IsoDate>,
    /// 数据来源说明；示例数据必须写明“示例数据”。Where the data comes from; sample data must say so.
    #[serde(default)]
    pub source: Option<String>,
    /// 数据来源说明（英文），用于英文页面和图表；缺少时显示中文。The source in English, for the English pages and charts (the Chinese is shown when absent).
    #[serde(default)]
    pub source_en: Option<String>,
    /// 记录数（按加载器计算），由 gongshi manifest 写入。Record count as the loader counts it, written by `gongshi manifest`.
    #[serde(default)]
    pub records: Option<u64>,
    /// 是否为示例（生成）数据；示例数据在页面上始终标明。Whether the data is generated sample data (always labelled on screen).
    pub sample: bool,
    /// 文件的 SHA-256 校验值。SHA-256 of the file.
    #[serde(default)]
    pub sha256: Option<Sha256Hex>,
    /// 文件大小（字节）。File size in bytes.
    #[serde(default)]
    pub bytes: Option<u64>,
    /// 数据中最早和最晚的日期 [起, 止]。First and last date in the data [first, last].
    #[serde(default)]
    #[schemars(length(equal = 2))]
    pub date_range: Option<Vec<IsoDate>>,
    /// 法定公开周期。The legal publication cadence.
    #[serde(default)]
    pub cadence: Option<Cadence>,
    /// 分卷发布（目前用于捐赠台账）：每卷一个文件，格式与整个文件相同；网页只下载所需年度的分卷。A dataset published in parts (donations): one file per part, in the same format as the whole file; the app downloads only the years it needs.
    #[serde(default)]
    pub parts: Option<Vec<ManifestPart>>,
    /// 捐赠查询文件（lookup-0000.json …）：按收据号和捐赠编号分组，每组一个小文件，含该组的捐赠、它们支付的支出和共同支付的其他捐赠；由 gongshi manifest 为分卷的捐赠台账写出，网页查询时只读一个文件；与现在的分卷或支出文件不对应时网页读取所属年度。The lookup files (lookup-0000.json …): donations grouped by receipt number and id, one small file per bucket with its donations, what they paid for and the donations that shared it; written by `gongshi manifest` for a donations ledger in parts, so a lookup reads one file; when they do not match the current parts or disbursements, the app reads the year.
    #[serde(default)]
    pub lookup: Option<ManifestLookup>,
}

/// 捐赠查询文件的组数。How many lookup buckets (files) there are.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct ManifestLookup {
    /// 组数（文件 lookup-0000.json 至 lookup-{组数-1}.json）。The number of buckets (files lookup-0000.json to lookup-{n-1}.json).
    #[schemars(range(min = 1, max = 4096))]
    pub buckets: u32,
}

/// 一个分卷。One part of a dataset published in parts.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct ManifestPart {
    /// data/ 目录中的文件名。File name inside the data folder.
    #[schemars(regex(pattern = r"^[^/\\]+$"))]
    pub file: String,
    /// 本卷记录所在的年度。The year all its records fall in.
    #[serde(default)]
    pub year: Option<u16>,
    /// 记录数，由 gongshi manifest 写入。Record count, written by `gongshi manifest`.
    #[serde(default)]
    pub records: Option<u64>,
    /// 文件的 SHA-256 校验值。SHA-256 of the file.
    #[serde(default)]
    pub sha256: Option<Sha256Hex>,
    /// 文件大小（字节）。File size in bytes.
    #[serde(default)]
    pub bytes: Option<u64>,
    /// 快速加载文件（.pack）：本卷经过检查的记录，由 gongshi manifest 写出；JSON 仍是正式发布的数据，快速加载文件与 JSON 不对应时网页读取 JSON。The fast-load file (.pack): this part's checked records, written by `gongshi manifest`; the JSON stays the published data, and the app reads the JSON whenever the pack does not match it.
    #[serde(default)]
    pub pack: Option<FileRef>,
}

/// 法定公开周期，如《慈善法》第七十九条“至少每三个月公开一次”。Legal publication cadence, e.g. Charity Law art. 79 "at least every three months".
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Cadence {
    /// 至少每隔多少天公开一次。Publish at least every this many days.
    #[schemars(range(min = 1))]
    pub every_days: u32,
    /// 重大突发事件应急处置与救援阶段至少每隔多少天公开一次（《慈善法》第七十二条：五日）。During an emergency response: at least every this many days (art. 72: five).
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub emergency_every_days: Option<u32>,
    /// 依据（法律条文）。The legal basis.
    #[serde(default)]
    pub basis: Option<String>,
}

/// 派生文件及其校验值。A derived file and its checksum.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct FileRef {
    /// 文件名。File name.
    pub file: String,
    /// SHA-256。
    #[serde(default)]
    pub sha256: Option<Sha256Hex>,
    /// 文件大小（字节）。Size in bytes.
    #[serde(default)]
    pub bytes: Option<u64>,
}

// ------------------------------------------------------------------ rectification.json

/// rectification.json — 巡察整改情况的社会公开稿，逐字转录。The published rectification report, transcribed verbatim.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gongshi rectification.json")]
pub struct Rectification {
    /// 格式版本：gongshi/rectification/1。Format version.
    pub schema: String,
    /// 报告标题。Report title.
    pub title: String,
    /// 发布单位。Publisher.
    pub publisher: String,
    /// 发布日期。Publication date.
    pub published: IsoDate,
    /// 巡察：巡察组、起止日期、反馈日期。The inspection: by whom, start, end, feedback date.
    pub inspection: Inspection,
    /// 报告自述的数字（方面、项、问题、各状态问题数），用于核对。Counts the report states, checked against the list.
    pub declared: Declared,
    /// “一、整改工作组织情况”原文。Section one, verbatim.
    pub organisation_of_work: String,
    /// 问题所属方面。The aspects problems are grouped in.
    pub aspects: Vec<Aspect>,
    /// 问题及整改情况。The problems and what was done.
    pub problems: Vec<Problem>,
    /// 下一步工作。Next steps.
    #[serde(default)]
    pub next_steps: Vec<NextStep>,
    /// 联系方式（机构的办公电话、地址、邮箱）。Contact of the organisation (office phone, address, email).
    #[serde(default)]
    pub contact: Option<Contact>,
    /// 转录说明。Transcription notes.
    #[serde(default)]
    pub transcription_notes: Vec<String>,
    /// 更正说明。Correction notes (更正说明).
    #[serde(default)]
    pub corrections: Vec<CorrectionNote>,
}

/// 巡察。The inspection.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// 巡察组。Inspection team.
    pub by: String,
    /// 开始日期。Start.
    pub start: Option<IsoDate>,
    /// 结束日期。End.
    pub end: Option<IsoDate>,
    /// 反馈日期。Feedback date.
    pub feedback: Option<IsoDate>,
}

/// 报告自述的数字。Counts stated by the report.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Declared {
    /// 方面数。Aspects.
    pub aspects: Option<u32>,
    /// 项数。Items.
    pub items: Option<u32>,
    /// 问题数。Problems.
    pub problems: Option<u32>,
    /// 已完成整改。Done.
    pub done: Option<u32>,
    /// 正在推进。In progress.
    pub in_progress: Option<u32>,
    /// 尚未启动。Not started.
    pub not_started: Option<u32>,
}

/// 方面。An aspect.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Aspect {
    /// 序号。Number.
    #[schemars(range(min = 1))]
    pub no: u32,
    /// 标题。Title.
    pub title: String,
}

/// 整改状态。Rectification status.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已完成整改。Done.
    Done,
    /// 正在推进整改。In progress.
    InProgress,
    /// 尚未启动整改。Not started.
    NotStarted,
}

/// 一个问题。One problem.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// 问题序号（1–21）。Problem number.
    #[schemars(range(min = 1))]
    pub no: u32,
    /// 所属方面序号。Aspect number.
    pub aspect: u32,
    /// 标题。Title.
    pub title: String,
    /// 巡察发现的问题，原文。The finding, verbatim.
    pub finding: String,
    /// 整改措施，每个“一是/二是”一项。Measures, one per 一是/二是.
    pub measures: Vec<String>,
    /// 整改状态。Status.
    pub status: Status,
    /// 原文中带日期的事项。Dated events in the text.
    #[serde(default)]
    pub dates: Vec<Dated>,
}

/// 带日期的事项。A dated event.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Dated {
    /// 日期。Date.
    pub date: IsoDate,
    /// 事项。What happened.
    pub what: String,
}

/// 下一步工作。A next step.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct NextStep {
    /// 标题。Title.
    pub title: String,
    /// 内容。Text.
    pub text: String,
}

/// 机构联系方式（办公电话是座机，不是个人信息）。The organisation's contact (an office landline, not personal data).
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 办公电话。Office phone.
    pub phone: Option<String>,
    /// 地址。Address.
    pub address: Option<String>,
    /// 邮编。Postcode.
    pub postcode: Option<String>,
    /// 邮箱。Email.
    pub email: Option<String>,
}

// ------------------------------------------------------------------ figures.json

/// figures.json — 报告中的每一个数字，及其出处原文。Every figure in the report, with the sentence it comes from.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gongshi figures.json")]
pub struct FiguresFile {
    /// 格式版本：gongshi/figures/1。Format version.
    pub schema: String,
    /// 出处。Source document.
    pub source: String,
    /// 数字。The figures.
    pub figures: Vec<Figure>,
    /// 更正说明。Correction notes (更正说明).
    #[serde(default)]
    pub corrections: Vec<CorrectionNote>,
}

/// 数字的类型。Kind of figure.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// 金额，value 为整数分。Money, value in integer fen.
    Money,
    /// 百分比，value 为万分之一（4.42% 写 442）。Percent, value in hundredths of a percent (4.42% → 442).
    Percent,
    /// 计数，unit 为量词（人、个、支…）。Count, `unit` is the measure word.
    Count,
}

/// 一个数字。One figure.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// 唯一标识。Unique id.
    pub id: String,
    /// 名称（中文）。Label in Chinese.
    pub label: String,
    /// 英文名称。Label in English.
    #[serde(default)]
    pub label_en: Option<String>,
    /// 类型。Kind.
    pub kind: FigureKind,
    /// 数值（金额为分，百分比为万分之一，计数为整数）。Value (fen, basis points or a whole number).
    pub value: i64,
    /// 计数的量词。Measure word of a count.
    #[serde(default)]
    pub unit: Option<String>,
    /// 时期（原文用语）。Period, as the report says it.
    #[serde(default)]
    pub period: Option<String>,
    /// 所在问题序号；引言和结尾为 null。Problem number, or null for the introduction and closing.
    #[serde(default)]
    pub problem: Option<u32>,
    /// 所在章节。Section.
    #[serde(default)]
    pub section: Option<String>,
    /// 原文句子。The sentence, verbatim.
    pub quote: String,
    /// 注释。Note.
    #[serde(default)]
    pub note: Option<String>,
    /// 是否在概览中作为要点数字显示。Shown as a headline figure on the overview.
    #[serde(default)]
    pub key: bool,
}

// ------------------------------------------------------------------ shared record parts

/// 记录来源：published 为机构公开的真实记录（如用 gongshi import 导入），seed 为整改报告所载（须写 problem），sample 为生成的示例数据。
/// Where a record comes from: `published` a real record of the organisation (e.g. imported with `gongshi import`), `seed` stated in the report (with `problem`), `sample` generated.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// 机构公开的真实记录。A real record published by the organisation.
    Published,
    /// 整改报告所载，须同时写 problem。Stated in the report; give `problem`.
    Seed,
    /// 示例数据，不是真实记录。Generated sample, not a real record.
    Sample,
}

/// 捐赠方类型。Kind of donor.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(rename_all = "snake_case")]
pub enum DonorKind {
    /// 个人。Individual.
    Individual,
    /// 企业。Enterprise.
    Enterprise,
    /// 社会组织。Social organisation.
    Organisation,
    /// 机关事业单位。Government body or public institution.
    Government,
    /// 匿名（显示为“爱心人士（匿名）”）。Anonymous.
    Anonymous,
}

/// 捐赠渠道。Channel.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 银行转账。Bank transfer.
    BankTransfer,
    /// 网络募捐平台（在 platform 写明平台）。Online fundraising platform (name it in `platform`).
    OnlinePlatform,
    /// 微信。WeChat.
    Wechat,
    /// 现金。Cash.
    Cash,
    /// 其他。Other.
    Other,
}

/// 捐赠状态（只有 received 计入收入）。Donation status (only `received` counts as income).
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(rename_all = "snake_case")]
pub enum DonationStatus {
    /// 已到账。Received.
    Received,
    /// 已退回。Refunded.
    Refunded,
    /// 已取消。Cancelled.
    Cancelled,
}

/// 支出类别。Disbursement category.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 救助和项目支出。Aid and project spending.
    Aid,
    /// 项目费用：不得超过当年非定向捐赠的 6.5%。Project costs: capped at 6.5% of the year's non-directed donations.
    ProjectCost,
    /// 管理费用。Management costs.
    Management,
}

/// 更正记录。A correction.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct CorrectionEntry {
    /// 更正日期。Date.
    pub date: IsoDate,
    /// 更正说明。What was corrected.
    pub text: String,
}

macro_rules! ledger_file {
    ($(#[$m:meta])* $name:ident, $record:ty, $schema:expr) => {
        #[derive(Deserialize, JsonSchema, Debug)]
        #[serde(deny_unknown_fields)]
        $(#[$m])*
        pub struct $name {
            /// 格式版本。Format version.
            #[schemars(description = format_version($schema))]
            pub schema: String,
            /// 文件是否含示例记录；为 false 时不得含 origin 为 sample 的记录。Whether the file holds sample records; if false, none may be `sample`.
            pub sample: bool,
            /// 文件说明（示例数据须说明）。Note on the file (sample data must say so).
            #[serde(default)]
            pub note: Option<String>,
            /// 记录，每行一条。Records, one per line.
            pub records: Vec<$record>,
            /// 更正说明。Correction notes (更正说明).
            #[serde(default)]
            pub corrections: Vec<CorrectionNote>,
        }
    };
}

// ------------------------------------------------------------------ donations.json

ledger_file!(
    /// donations.json — 捐款收入。Donations received.
    #[schemars(title = "gongshi donations.json")]
    DonationsFile,
    Donation,
    ledger::DONATIONS_SCHEMA
);

/// 一笔捐赠。One donation.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Donation {
    /// 编号（文件内唯一）。Id, unique in the file.
    pub id: String,
    /// 捐赠（到账）日期。Date received.
    pub date: IsoDate,
    /// 捐赠方名称；匿名捐赠可省略。Donor; may be omitted for anonymous gifts.
    #[serde(default)]
    pub donor: Option<String>,
    /// 捐赠方类型。Kind of donor.
    pub donor_kind: DonorKind,
    /// 金额，整数分（1 元 = 100 分），大于 0。Amount in integer fen (1 yuan = 100 fen), positive.
    #[schemars(range(min = 1))]
    pub amount_fen: i64,
    /// 是否定向捐赠。Directed (earmarked) donation.
    pub directed: bool,
    /// 定向用途；定向捐赠必填。What it is earmarked for; required when directed.
    #[serde(default)]
    pub directed_to: Option<String>,
    /// 渠道。Channel.
    pub channel: Channel,
    /// 网络募捐平台名称。Online platform name.
    #[serde(default)]
    pub platform: Option<String>,
    /// 项目。Project.
    pub project: String,
    /// 捐赠票据（收据）号。Receipt number.
    #[serde(default)]
    pub receipt: Option<String>,
    /// 状态。Status.
    pub status: DonationStatus,
    /// 公开后的更正。Corrections made after publication.
    #[serde(default)]
    pub corrections: Vec<CorrectionEntry>,
    /// 来源。Origin.
    pub origin: Origin,
    /// origin 为 seed 时：整改报告中的问题序号。With `seed`: the report's problem number.
    #[serde(default)]
    #[schemars(range(min = 1, max = 99))]
    pub problem: Option<u32>,
}

// ------------------------------------------------------------------ disbursements.json

ledger_file!(
    /// disbursements.json — 款项支出（善款使用）。Use of funds.
    #[schemars(title = "gongshi disbursements.json")]
    DisbursementsFile,
    Disbursement,
    ledger::DISBURSEMENTS_SCHEMA
);

/// 一笔支出。One disbursement.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Disbursement {
    /// 编号。Id.
    pub id: String,
    /// 支出日期。Date paid.
    pub date: IsoDate,
    /// 用途。Purpose.
    pub purpose: String,
    /// 项目。Project.
    pub project: String,
    /// 接收方（单位；个人受助人只写脱敏姓名）。Recipient (an organisation; a person only as a masked name).
    pub recipient: String,
    /// 金额，整数分，大于 0。Amount in integer fen, positive.
    #[schemars(range(min = 1))]
    pub amount_fen: i64,
    /// 资金来源的定向捐赠编号；为空表示非定向资金。Ids of the directed donations paid from; empty = the non-directed pool.
    #[serde(default)]
    pub from_donations: Vec<String>,
    /// 支出类别。Category.
    pub category: Category,
    /// 来源。Origin.
    pub origin: Origin,
    /// origin 为 seed 时的问题序号。Problem number with `seed`.
    #[serde(default)]
    #[schemars(range(min = 1, max = 99))]
    pub problem: Option<u32>,
}

// ------------------------------------------------------------------ goods.json

/// goods.json — 捐赠物资：入库批次、出库和核销。Donated goods: batches in, movements out, write-offs.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gongshi goods.json")]
pub struct GoodsFile {
    /// 格式版本。Format version.
    #[schemars(description = format_version(ledger::GOODS_SCHEMA))]
    pub schema: String,
    /// 是否含示例记录。Whether the file holds sample records.
    pub sample: bool,
    /// 文件说明。Note.
    #[serde(default)]
    pub note: Option<String>,
    /// 入库批次。Batches received.
    pub batches: Vec<Batch>,
    /// 出库。Goods issued.
    #[serde(default)]
    pub movements: Vec<Movement>,
    /// 核销。Write-offs.
    #[serde(default)]
    pub writeoffs: Vec<WriteOff>,
    /// 更正说明。Correction notes (更正说明).
    #[serde(default)]
    pub corrections: Vec<CorrectionNote>,
}

/// 入库批次。A batch received.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    /// 批次编号（在 batches、movements、writeoffs 中唯一）。Batch id (unique across the file).
    pub id: String,
    /// 接收日期。Date received.
    pub date: IsoDate,
    /// 捐赠方。Donor.
    pub donor: String,
    /// 捐赠方类型。Kind of donor.
    pub donor_kind: DonorKind,
    /// 物资名称。Item.
    pub item: String,
    /// 数量（正整数）。Quantity.
    #[schemars(range(min = 1))]
    pub quantity: i64,
    /// 计量单位。Unit.
    pub unit: String,
    /// 价值，整数分（可为 0）。Value in integer fen (may be 0).
    #[schemars(range(min = 0))]
    pub value_fen: i64,
    /// 定向用途。Earmarked for.
    #[serde(default)]
    pub directed_to: Option<String>,
    /// 捐赠方取消捐赠。Cancelled by the donor.
    #[serde(default)]
    pub cancelled: Option<Cancellation>,
    /// 备注。Note.
    #[serde(default)]
    pub note: Option<String>,
    /// 来源。Origin.
    pub origin: Origin,
    /// origin 为 seed 时的问题序号。Problem number with `seed`.
    #[serde(default)]
    pub problem: Option<u32>,
}

/// 取消捐赠。A cancellation.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Cancellation {
    /// 取消日期。Date.
    #[serde(default)]
    pub date: Option<IsoDate>,
    /// 原因。Reason.
    #[serde(default)]
    pub reason: Option<String>,
}

/// 出库。Goods issued.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Movement {
    /// 编号。Id.
    pub id: String,
    /// 出库日期。Date.
    pub date: IsoDate,
    /// 批次编号。Batch id.
    pub batch: String,
    /// 数量。Quantity.
    #[schemars(range(min = 1))]
    pub quantity: i64,
    /// 去向。Destination.
    pub destination: String,
    /// 来源。Origin.
    pub origin: Origin,
    /// 问题序号。Problem number with `seed`.
    #[serde(default)]
    pub problem: Option<u32>,
}

/// 核销。A write-off.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct WriteOff {
    /// 编号。Id.
    pub id: String,
    /// 核销日期（来源未载明时为 null）。Date, null when the source gives none.
    #[serde(default)]
    pub date: Option<IsoDate>,
    /// 批次编号。Batch id.
    pub batch: String,
    /// 数量。Quantity.
    #[schemars(range(min = 1))]
    pub quantity: i64,
    /// 核销原因。Reason.
    #[serde(default)]
    pub reason: Option<String>,
    /// 来源。Origin.
    pub origin: Origin,
    /// 问题序号。Problem number with `seed`.
    #[serde(default)]
    pub problem: Option<u32>,
}

// ------------------------------------------------------------------ relief.json

/// relief.json — 救助：非医疗类项目的逐条记录（受助人已脱敏），儿童和大病救助只有汇总数。
/// Relief: individual records of non-medical programmes (recipients masked); children's and medical programmes as aggregates only.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gongshi relief.json")]
pub struct ReliefFile {
    /// 格式版本。Format version.
    #[schemars(description = format_version(relief::SCHEMA))]
    pub schema: String,
    /// 是否含示例记录。Whether the file holds sample records.
    pub sample: bool,
    /// 文件说明。Note.
    #[serde(default)]
    pub note: Option<String>,
    /// 逐条救助记录。Individual relief records.
    #[serde(default)]
    pub records: Vec<ReliefRecord>,
    /// 汇总数（按项目、县、年）。Aggregates by programme, county and year.
    #[serde(default)]
    pub aggregates: Vec<ReliefAggregate>,
    /// 更正说明。Correction notes (更正说明).
    #[serde(default)]
    pub corrections: Vec<CorrectionNote>,
}

/// 救助项目的标识：manifest.json 中 organisation.programmes 列出的 key 之一。The key of one of the programmes manifest.json lists in organisation.programmes.
pub type ProgrammeKey = String;

/// 救助状态。Relief status.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(rename_all = "snake_case")]
pub enum ReliefStatus {
    /// 已申请。Applied.
    Applied,
    /// 已批准。Approved.
    Approved,
    /// 已发放。Paid.
    Paid,
    /// 未通过。Rejected.
    Rejected,
}

/// 行政区划：manifest.json 中 organisation.divisions 列出的名称之一。One of the divisions manifest.json lists in organisation.divisions.
pub type DivisionName = String;

/// 一条救助记录。不得包含身份证号、手机号、银行卡号、详细地址，受助人只写“姓＋某”。
/// One relief record. Never an ID, phone or card number or a street address; the recipient only as surname + 某.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct ReliefRecord {
    /// 编号。Id.
    pub id: String,
    /// 救助项目的标识（不得为只公布汇总数的儿童和大病项目）。The programme's key (not one published only as aggregates).
    pub programme: ProgrammeKey,
    /// 日期。Date.
    pub date: IsoDate,
    /// 行政区划（本会在 manifest.json 中列出的名称之一）。The division (one manifest.json lists).
    pub county: DivisionName,
    /// 乡镇（街道），不得写门牌、道路等详细地址。Township or street office; never a street address.
    #[serde(default)]
    pub township: Option<String>,
    /// 救助金额，整数分；与 goods 至少填一项。Amount in fen; give this or `goods`.
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub amount_fen: Option<i64>,
    /// 救助物资。Goods given.
    #[serde(default)]
    pub goods: Option<String>,
    /// 状态。Status.
    pub status: ReliefStatus,
    /// 受助人，已脱敏：“姓＋某”，如“张某”“欧阳某”。Recipient, masked: surname + 某.
    #[serde(default)]
    #[schemars(regex(pattern = r"^[\u3400-\u4dbf\u4e00-\u9fff]{1,2}[某*＊]{1,2}$"))]
    pub recipient: Option<String>,
    /// 是否医疗类（为 true 的记录不予公布）。Medical (such records are refused).
    #[serde(default)]
    pub medical: Option<bool>,
    /// 来源。Origin.
    pub origin: Origin,
    /// 问题序号。Problem number with `seed`.
    #[serde(default)]
    pub problem: Option<u32>,
}

/// 汇总数；人数为 1–4 的单元格不公布人数和金额，写作 "people": null, "suppressed": true。An aggregate; a cell of 1–4 people publishes neither count nor amount: "people": null, "suppressed": true.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct ReliefAggregate {
    /// 救助项目的标识。The programme's key.
    pub programme: ProgrammeKey,
    /// 行政区划，或“全市”表示全部行政区划的合计。A division, or 全市 for the total over every division.
    pub county: String,
    /// 年份。Year.
    pub year: u16,
    /// 人数：0 或不少于 5；不公布的单元格为 null。People: 0 or at least 5; null for a withheld cell.
    #[schemars(range(min = 0))]
    pub people: Option<u32>,
    /// 金额，整数分；不公布的单元格不写。Amount in fen; absent for a withheld cell.
    #[serde(default)]
    pub amount_fen: Option<i64>,
    /// 为 true 表示此单元格不公布（少于 5 人，或为防止从合计推算而一并隐去）。true for a withheld cell (under 5 people, or withheld so that a total cannot give a small one away).
    #[serde(default)]
    pub suppressed: Option<bool>,
    /// 来源。Origin.
    pub origin: Origin,
    /// 问题序号。Problem number with `seed`.
    #[serde(default)]
    pub problem: Option<u32>,
}

// ------------------------------------------------------------------ coverage.json

/// coverage.json — 组织覆盖：各县红十字基层组织与乡镇、村（社区）数，志愿服务队。Organisation coverage: grassroots units per county against townships and villages; volunteer teams.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gongshi coverage.json")]
pub struct CoverageFile {
    /// 格式版本。Format version.
    #[schemars(description = format_version(coverage::SCHEMA))]
    pub schema: String,
    /// 是否含示例记录。Whether the file holds sample records.
    pub sample: bool,
    /// 文件说明。Note.
    #[serde(default)]
    pub note: Option<String>,
    /// 全市公布的数字。City figures as published.
    #[serde(default)]
    pub city: Option<City>,
    /// 整改前的志愿服务队。Volunteer teams before the rectification.
    #[serde(default)]
    pub teams_before: Option<TeamsBefore>,
    /// 整改后志愿服务队总数。Teams after the rectification, total.
    #[serde(default)]
    pub teams_after_total: Option<u32>,
    /// 整改后各类志愿服务队。Teams after, per type.
    #[serde(default)]
    pub teams_after: Vec<TeamType>,
    /// 各县（市、区）。Per county.
    #[serde(default)]
    pub counties: Vec<CountyRow>,
    /// 报告原文陈述。Statements from the report.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// 更正说明。Correction notes (更正说明).
    #[serde(default)]
    pub corrections: Vec<CorrectionNote>,
}

/// 全市数字。City figures.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct City {
    /// 基层组织总数。Grassroots units in total.
    pub units_total: Option<u32>,
    /// 乡镇（街道）级组织数。Township-level units.
    pub township_units: Option<u32>,
    /// 村（社区）级组织数。Village-level units.
    pub village_units: Option<u32>,
    /// 村级覆盖率，万分之一（3.5% 写 350）。Village coverage in basis points.
    pub village_coverage_bp: Option<i64>,
    /// 问题序号。Problem number.
    pub problem: Option<u32>,
}

/// 整改前的志愿服务队。Teams before.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct TeamsBefore {
    /// 总数。Total.
    pub total: Option<u32>,
    /// 只有 1 人的队数。Teams of one member.
    pub one_member: Option<u32>,
    /// 不足 10 人的队数。Teams under ten members.
    pub under_ten: Option<u32>,
    /// 问题序号。Problem number.
    pub problem: Option<u32>,
}

/// 一类志愿服务队。One type of team.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct TeamType {
    /// 类型（应急救援、救护、心理健康、三献、人道传播、养老）。Type.
    #[serde(rename = "type")]
    pub kind: String,
    /// 队数。Teams.
    pub teams: u32,
    /// 队员人数。Members.
    #[serde(default)]
    pub members: Option<u32>,
    /// 来源。Origin.
    pub origin: Origin,
}

/// 一个县（市、区）。One county.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct CountyRow {
    /// 行政区划（本会在 manifest.json 中列出的名称之一）。The division (one manifest.json lists).
    pub county: DivisionName,
    /// 乡镇（街道）数。Townships and street offices.
    pub townships: u32,
    /// 村（社区）数。Villages and communities.
    pub villages: u32,
    /// 乡镇（街道）级红十字组织数。Township-level units.
    #[serde(default)]
    pub township_units: Option<u32>,
    /// 村（社区）级红十字组织数。Village-level units.
    #[serde(default)]
    pub village_units: Option<u32>,
    /// 医院红十字组织数。Hospital units.
    #[serde(default)]
    pub hospital_units: Option<u32>,
    /// 学校红十字组织数。School units.
    #[serde(default)]
    pub school_units: Option<u32>,
    /// 其他企事业单位红十字组织数。Other units.
    #[serde(default)]
    pub other_units: Option<u32>,
    /// 备注。Note.
    #[serde(default)]
    pub note: Option<String>,
    /// 来源。Origin.
    pub origin: Origin,
    /// 问题序号。Problem number with `seed`.
    #[serde(default)]
    pub problem: Option<u32>,
}

/// 报告原文陈述。A statement from the report.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// 原文。Text.
    pub text: String,
    /// 问题序号。Problem number.
    #[serde(default)]
    pub problem: Option<u32>,
}

// ------------------------------------------------------------------ summary.json

/// summary.json — 概览汇总，由 gongshi build-summary 从数据文件生成，请勿手工编辑。The overview's aggregates, generated by `gongshi build-summary`; do not edit by hand.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
#[schemars(title = "gongshi summary.json")]
pub struct SummaryFile {
    /// 格式版本。Format version.
    #[schemars(description = format_version(summary::SCHEMA))]
    pub schema: String,
    /// 是否有数字来自示例数据。Whether any number comes from sample records.
    pub sample: bool,
    /// 款项数字是否来自示例数据。Whether the money figures are sample.
    pub money_sample: bool,
    /// 按年的收支（整数分）。Money per year (fen).
    pub money_by_year: Vec<SummaryMoneyYear>,
    /// 救助数字是否来自示例数据。Whether the relief figures are sample.
    pub relief_sample: bool,
    /// 按项目和年份的救助。Relief per programme and year.
    pub relief_by_programme_year: Vec<SummaryReliefYear>,
    /// 组织覆盖合计。Coverage totals.
    #[serde(default)]
    pub coverage: Option<SummaryCoverage>,
    /// 整改状态计数。Rectification status counts.
    #[serde(default)]
    pub rectification: Option<SummaryRectification>,
    /// 要点数字的 id。Ids of the key figures.
    pub key_figures: Vec<String>,
}

/// 一年的收支，均为整数分。One year of money, all in fen.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct SummaryMoneyYear {
    /// 年份。Year.
    pub year: u16,
    /// 捐赠收入（只计已到账）。Donations received.
    pub received_fen: i64,
    /// 非定向捐赠。Non-directed donations.
    pub non_directed_fen: i64,
    /// 网络捐赠。Online donations.
    pub online_fen: i64,
    /// 支出。Disbursed.
    pub disbursed_fen: i64,
    /// 项目费用。Project costs.
    pub project_costs_fen: i64,
    /// 项目费用上限：非定向捐赠的 6.5%。Cap: 6.5% of non-directed donations.
    pub cost_cap_fen: i64,
    /// 超出上限的金额。Amount over the cap.
    pub over_cap_fen: i64,
    /// 非定向占比，万分之一。Non-directed share, basis points.
    pub non_directed_share_bp: Option<i64>,
    /// 网络捐赠占比，万分之一。Online share, basis points.
    pub online_share_bp: Option<i64>,
}

/// 一个项目一年的救助。One programme in one year.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct SummaryReliefYear {
    /// 救助项目的标识。The programme's key.
    pub programme: ProgrammeKey,
    /// 年份。Year.
    pub year: u16,
    /// 逐条记录数。Individual records.
    pub records: u32,
    /// 逐条记录的金额。Money in those records.
    pub records_amount_fen: i64,
    /// 公布的汇总人数（不含少于 5 人的单元格）。People in published aggregate cells (cells under 5 left out).
    pub aggregate_people: u32,
    /// 公布的汇总金额。Money in published cells.
    pub aggregate_amount_fen: i64,
    /// 因少于 5 人而不公布的单元格数。Cells not published (under 5 people).
    pub suppressed_cells: u32,
}

/// 组织覆盖合计。Coverage totals.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct SummaryCoverage {
    /// 是否含示例数字。Whether sample.
    pub sample: bool,
    /// 县（市、区）数。Counties.
    pub counties: u32,
    /// 乡镇（街道）数。Townships.
    pub townships: u32,
    /// 村（社区）数。Villages.
    pub villages: u32,
    /// 乡镇级组织。Township units.
    pub township_units: u32,
    /// 村级组织。Village units.
    pub village_units: u32,
    /// 医院。Hospital units.
    pub hospital_units: u32,
    /// 学校。School units.
    pub school_units: u32,
    /// 其他。Other units.
    pub other_units: u32,
    /// 基层组织合计。All units.
    pub units: u32,
    /// 按各县计算的村级覆盖率，万分之一。Village coverage from the county rows, bp.
    pub village_coverage_bp: Option<i64>,
    /// 全市公布的基层组织数。City units as published.
    pub city_units_total: Option<u32>,
    /// 全市公布的村级组织数。City village units as published.
    pub city_village_units: Option<u32>,
    /// 全市公布的村级覆盖率。City village coverage as published, bp.
    pub city_village_coverage_bp: Option<i64>,
    /// 整改前志愿队数。Teams before.
    pub teams_before: Option<u32>,
    /// 整改后志愿队数。Teams after.
    pub teams_after: Option<u32>,
}

/// 整改状态计数。Rectification counts.
#[derive(Deserialize, JsonSchema, Debug)]
#[serde(deny_unknown_fields)]
pub struct SummaryRectification {
    /// 问题数。Problems.
    pub problems: u32,
    /// 已完成。Done.
    pub done: u32,
    /// 正在推进。In progress.
    pub in_progress: u32,
    /// 尚未启动。Not started.
    pub not_started: u32,
    /// 报告发布日期。Publication date.
    pub published: Option<IsoDate>,
}

/// Every schema as `(file name, pretty JSON)`: `donations.schema.json`, …
pub fn schema_files() -> Vec<(String, String)> {
    fn one<T: JsonSchema>(name: &str) -> (String, String) {
        let s = schemars::schema_for!(T);
        (format!("{name}.schema.json"), serde_json::to_string_pretty(&s).expect("a schema serialises") + "\n")
    }
    vec![
        one::<Manifest>("manifest"),
        one::<Rectification>("rectification"),
        one::<FiguresFile>("figures"),
        one::<DonationsFile>("donations"),
        one::<DisbursementsFile>("disbursements"),
        one::<GoodsFile>("goods"),
        one::<ReliefFile>("relief"),
        one::<CoverageFile>("coverage"),
        one::<SummaryFile>("summary"),
    ]
}

/// Deserialises `text` as the strict type of the data file `name` (e.g. `donations`); the error
/// names the JSON path. Used by tests to keep the schemas and the data in step.
pub fn strict_parse(name: &str, text: &str) -> Result<(), String> {
    fn p<T: for<'de> Deserialize<'de>>(text: &str) -> Result<(), String> {
        serde_json::from_str::<T>(text).map(|_| ()).map_err(|e| e.to_string())
    }
    match name {
        "manifest" => p::<Manifest>(text),
        "rectification" => p::<Rectification>(text),
        "figures" => p::<FiguresFile>(text),
        "donations" => p::<DonationsFile>(text),
        "disbursements" => p::<DisbursementsFile>(text),
        "goods" => p::<GoodsFile>(text),
        "relief" => p::<ReliefFile>(text),
        "coverage" => p::<CoverageFile>(text),
        "summary" => p::<SummaryFile>(text),
        _ => Err(format!("no schema for {name}")),
    }
}
