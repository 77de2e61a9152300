//! The fields of each dataset's file format, and the column headers that usually mean them.

use gongshi_core::ledger;
use gongshi_core::relief;

/// The dataset a sheet is imported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Donations,
    Disbursements,
    Goods,
    Relief,
    Coverage,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Donations, Kind::Disbursements, Kind::Goods, Kind::Relief, Kind::Coverage];

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == s)
    }
    pub fn key(self) -> &'static str {
        match self {
            Kind::Donations => "donations",
            Kind::Disbursements => "disbursements",
            Kind::Goods => "goods",
            Kind::Relief => "relief",
            Kind::Coverage => "coverage",
        }
    }
    /// The default file name in the data folder.
    pub fn file(self) -> &'static str {
        match self {
            Kind::Donations => ledger::DONATIONS,
            Kind::Disbursements => ledger::DISBURSEMENTS,
            Kind::Goods => ledger::GOODS,
            Kind::Relief => relief::FILE,
            Kind::Coverage => gongshi_core::coverage::FILE,
        }
    }
    /// The fields a column can be matched to.
    pub fn fields(self) -> &'static [FieldDef] {
        match self {
            Kind::Donations => DONATION_FIELDS,
            Kind::Disbursements => DISBURSEMENT_FIELDS,
            Kind::Goods => GOODS_FIELDS,
            Kind::Relief => RELIEF_FIELDS,
            Kind::Coverage => COVERAGE_FIELDS,
        }
    }
}

/// How a field's cells are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    Text,
    /// Money in 元 (or 万元 when the header says so), stored as fen.
    Money,
    Date,
    YesNo,
    /// A whole number ≥ 0.
    Count,
    /// Ids separated by commas, 、 or semicolons.
    List,
}

/// A field of the file format and the column headers that mean it.
#[derive(Clone, Copy, Debug)]
pub struct FieldDef {
    /// The field's key in the JSON file (a mapping file names fields by these keys).
    pub key: &'static str,
    /// What it is, in Chinese.
    pub zh: &'static str,
    pub ty: FieldType,
    /// Usual column headers, compared ignoring case, width, spaces and a bracketed unit.
    pub headers: &'static [&'static str],
}

const fn f(key: &'static str, zh: &'static str, ty: FieldType, headers: &'static [&'static str]) -> FieldDef {
    FieldDef { key, zh, ty, headers }
}

use FieldType::{Count, Date, List, Money, Text, YesNo};

const DONATION_FIELDS: &[FieldDef] = &[
    f("id", "编号", Text, &["编号", "捐赠编号", "记录编号", "流水号"]),
    f("date", "日期", Date, &["日期", "捐赠日期", "到账日期", "收款日期", "捐赠时间", "到账时间", "时间"]),
    f(
        "donor",
        "捐赠方",
        Text,
        &["捐赠方", "捐赠人", "捐赠单位", "捐赠者", "捐款人", "捐款单位", "捐赠单位/个人", "捐赠单位或个人", "捐赠人姓名", "捐赠方名称", "单位名称", "姓名"],
    ),
    f("donor_kind", "捐赠方类型", Text, &["捐赠方类型", "捐赠人类型", "捐赠者类型", "捐赠方性质", "单位/个人", "个人/单位"]),
    f("amount_fen", "金额", Money, &["金额", "金额(元)", "捐赠金额", "捐款金额", "到账金额", "收款金额", "捐赠金额(元)", "捐款金额(元)", "数额"]),
    f("directed", "是否定向", YesNo, &["是否定向", "定向/非定向", "是否定向捐赠", "定向"]),
    f("directed_to", "定向用途", Text, &["定向用途", "用途", "指定用途", "捐赠用途", "定向内容", "捐赠意向"]),
    f("channel", "渠道", Text, &["渠道", "捐赠渠道", "捐赠方式", "捐款方式", "方式", "支付方式", "收款方式", "到账方式"]),
    f("platform", "网络平台", Text, &["平台", "募捐平台", "网络平台", "网络募捐平台"]),
    f("project", "项目", Text, &["项目", "项目名称", "捐赠项目", "募捐项目", "所属项目"]),
    f("receipt", "收据号", Text, &["收据号", "票据号", "收据编号", "票据编号", "捐赠票据号", "票据号码", "收据号码", "收据", "票据"]),
    f("status", "状态", Text, &["状态", "到账状态", "捐赠状态"]),
];

const DISBURSEMENT_FIELDS: &[FieldDef] = &[
    f("id", "编号", Text, &["编号", "支出编号", "记录编号", "凭证号", "流水号"]),
    f("date", "日期", Date, &["日期", "支出日期", "拨付日期", "付款日期", "发放日期", "时间"]),
    f("purpose", "用途", Text, &["用途", "支出用途", "摘要", "事由", "支出事项", "支出内容"]),
    f("project", "项目", Text, &["项目", "项目名称", "所属项目"]),
    f("recipient", "接收方", Text, &["接收方", "收款方", "收款单位", "接收单位", "受益方", "受助单位", "拨付对象", "收款人"]),
    f("amount_fen", "金额", Money, &["金额", "金额(元)", "支出金额", "拨付金额", "付款金额", "支出金额(元)"]),
    f("from_donations", "来源捐赠编号", List, &["来源捐赠", "来源捐赠编号", "对应捐赠编号", "定向捐赠编号", "资金来源编号"]),
    f("category", "支出类别", Text, &["类别", "支出类别", "支出类型", "费用类别", "费用类型"]),
];

const GOODS_FIELDS: &[FieldDef] = &[
    f("record", "记录类型（入库/出库/核销）", Text, &["记录类型", "类型", "出入库", "出入库类型", "业务类型"]),
    f("id", "编号", Text, &["编号", "记录编号", "单号", "流水号"]),
    f("batch", "批次号", Text, &["批次", "批次号", "批次编号", "入库批次"]),
    f("date", "日期", Date, &["日期", "接收日期", "入库日期", "出库日期", "发放日期", "核销日期", "捐赠日期", "时间"]),
    f("donor", "捐赠方", Text, &["捐赠方", "捐赠人", "捐赠单位", "捐赠者", "捐赠单位/个人"]),
    f("donor_kind", "捐赠方类型", Text, &["捐赠方类型", "捐赠人类型", "捐赠方性质"]),
    f("item", "物资名称", Text, &["物资名称", "物资", "品名", "名称", "物品名称", "物资品名"]),
    f("quantity", "数量", Count, &["数量", "入库数量", "出库数量", "核销数量"]),
    f("unit", "计量单位", Text, &["单位", "计量单位"]),
    f("value_fen", "价值", Money, &["价值", "价值(元)", "金额", "金额(元)", "折价", "折价金额", "估值", "折合金额"]),
    f("directed_to", "定向用途", Text, &["定向用途", "用途", "指定用途", "定向"]),
    f("destination", "去向", Text, &["去向", "发放对象", "领取单位", "接收单位", "发往", "调拨去向", "受赠单位"]),
    f("reason", "核销原因", Text, &["原因", "核销原因", "核销说明"]),
    f("note", "备注", Text, &["备注", "说明"]),
];

const RELIEF_FIELDS: &[FieldDef] = &[
    f("id", "编号", Text, &["编号", "救助编号", "记录编号"]),
    f("programme", "救助项目", Text, &["救助项目", "项目", "项目名称", "救助类型", "救助类别"]),
    f("date", "日期", Date, &["日期", "救助日期", "发放日期", "审批日期", "时间"]),
    f("county", "县（市、区）", Text, &["县(市、区)", "县(市,区)", "县市区", "县区", "县(市)", "所在县", "县", "所属县(市、区)", "地区"]),
    f("township", "乡镇（街道）", Text, &["乡镇", "乡镇(街道)", "街道", "乡镇/街道", "乡镇街道", "所在乡镇"]),
    f("amount_fen", "救助金额", Money, &["金额", "救助金额", "金额(元)", "发放金额", "救助金额(元)", "资助金额"]),
    f("goods", "救助物资", Text, &["物资", "救助物资", "发放物资", "物资名称"]),
    f("status", "状态", Text, &["状态", "发放状态", "审批状态"]),
    f("recipient", "受助人", Text, &["受助人", "受助人姓名", "姓名", "救助对象", "受助对象", "受助者"]),
    // An aggregates sheet (children's and medical programmes): a year and a number of people.
    f("year", "年度", Text, &["年度", "年份", "年"]),
    f("people", "人数", Count, &["人数", "救助人数", "受助人数", "人次", "救助人次"]),
];

const COVERAGE_FIELDS: &[FieldDef] = &[
    // A county's or district's divisions are its townships: 乡镇 names the row's division here
    // (the counts are 乡镇数, 村数…).
    f("county", "县（市、区）", Text, &["县(市、区)", "县(市,区)", "县市区", "县区", "县", "地区", "乡镇", "乡镇(街道)", "街道"]),
    f("townships", "乡镇（街道）数", Count, &["乡镇(街道)数", "乡镇数", "乡镇街道数", "乡镇(街道)总数"]),
    f("villages", "村（社区）数", Count, &["村(社区)数", "村数", "村社区数", "村(社区)总数"]),
    f("township_units", "乡镇（街道）级组织", Count, &["乡镇级组织", "乡镇(街道)级组织", "乡镇(街道)红十字会", "乡镇红十字会", "乡镇级基层组织"]),
    f("village_units", "村（社区）级组织", Count, &["村级组织", "村(社区)级组织", "村(社区)红十字会", "村红十字会", "村级基层组织"]),
    f("hospital_units", "医院", Count, &["医院", "医院红十字会", "医院基层组织"]),
    f("school_units", "学校", Count, &["学校", "学校红十字会", "学校基层组织"]),
    f("other_units", "其他企事业单位", Count, &["其他", "其他企事业单位", "其他单位", "企事业单位"]),
    f("note", "备注", Text, &["备注", "说明"]),
];
