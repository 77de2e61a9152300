//! The words a value may be written as in a spreadsheet: one table per closed list of values.

use crate::parse::fold_width;
use gongshi_core::org::Organisation;

/// A cell's word for matching: width-folded, lower-case, without spaces.
fn norm_word(s: &str) -> String {
    fold_width(s).to_lowercase().chars().filter(|c| !c.is_whitespace()).collect()
}

/// A closed list of values and the words people write for them: each key (as in the file format)
/// with its other words, the app's own label among them. A cell means a key when its word
/// ([`norm_word`]) is the key or one of the key's words.
struct Vocab {
    entries: &'static [(&'static str, &'static [&'static str])],
}

impl Vocab {
    /// The key a cell's text means, if any.
    fn lookup(&self, s: &str) -> Option<&'static str> {
        self.find(&norm_word(s))
    }

    /// The key of a word already normalised by [`norm_word`].
    fn find(&self, w: &str) -> Option<&'static str> {
        self.entries.iter().find(|(key, words)| *key == w || words.iter().any(|x| norm_word(x) == w)).map(|(key, _)| *key)
    }
}

/// [`gongshi_core::ledger::DonorKind`].
const DONOR_KINDS: Vocab = Vocab {
    entries: &[
        ("individual", &["个人", "自然人", "爱心人士"]),
        ("enterprise", &["企业", "公司", "单位", "企业单位"]),
        ("organisation", &["社会组织", "社会团体", "团体", "协会", "商会", "基金会"]),
        ("government", &["机关事业单位", "机关", "政府", "事业单位", "行政机关"]),
        ("anonymous", &["匿名", "匿名捐赠"]),
    ],
};

/// [`gongshi_core::ledger::Channel`]; a platform's name is read by [`channel_key`].
const CHANNELS: Vocab = Vocab {
    entries: &[
        ("bank_transfer", &["银行转账", "转账", "银行", "对公转账", "银行汇款", "汇款", "bank"]),
        ("online_platform", &["网络募捐平台", "网络", "网络募捐", "网络平台", "网上", "线上", "互联网", "网络捐赠"]),
        ("wechat", &["微信", "微信转账", "微信支付", "wechat"]),
        ("cash", &["现金", "cash"]),
        ("other", &["其他", "其它"]),
    ],
};

/// Online fundraising platforms: a channel cell naming one (腾讯公益月捐) is `online_platform`.
const PLATFORMS: [&str; 8] = ["腾讯公益", "支付宝公益", "水滴公益", "轻松公益", "新浪微公益", "微公益", "字节跳动公益", "联劝网"];

/// [`gongshi_core::ledger::DonationStatus`].
const DONATION_STATUSES: Vocab = Vocab {
    entries: &[
        ("received", &["已到账", "到账", "已收", "已收到", "收到", "正常"]),
        ("refunded", &["已退回", "退回", "退款", "已退款", "已退"]),
        ("cancelled", &["已取消", "取消", "作废", "已作废"]),
    ],
};

/// [`gongshi_core::ledger::Category`]. The app's own label of `project_cost`, 项目费用（6.5% 上限）,
/// is among its words: an editor who copies it from the site gets it accepted.
const CATEGORIES: Vocab = Vocab {
    entries: &[
        ("aid", &["救助和项目支出", "救助", "项目支出", "救助支出", "公益支出", "慈善活动支出"]),
        ("project_cost", &["项目费用", "项目费用（6.5% 上限）", "项目成本", "项目管理费", "工作经费"]),
        ("management", &["管理费用", "管理费", "行政管理费"]),
    ],
};

/// [`gongshi_core::relief::ReliefStatus`].
const RELIEF_STATUSES: Vocab = Vocab {
    entries: &[
        ("applied", &["已申请", "申请", "申请中", "待审批", "待审核"]),
        ("approved", &["已批准", "批准", "审批通过", "已审批", "通过", "待发放"]),
        ("paid", &["已发放", "发放", "已发", "已领取", "已救助", "完成"]),
        ("rejected", &["未通过", "不通过", "未批准", "不予救助", "驳回"]),
    ],
};

/// The kinds of row in a goods sheet (a blank 记录类型 is a batch).
const GOODS_RECORDS: Vocab = Vocab {
    entries: &[
        ("batch", &["", "入库", "接收", "捐赠", "接收捐赠", "batch", "in"]),
        ("movement", &["出库", "发放", "调拨", "分配", "movement", "out"]),
        ("writeoff", &["核销", "报损", "报废", "writeoff"]),
    ],
};

/// The donor kind key for a cell (key, Chinese label or a usual word).
pub fn donor_kind_key(s: &str) -> Option<&'static str> {
    DONOR_KINDS.lookup(s)
}

/// A guess of the donor kind from the name, used when there is no 捐赠方类型 column. A blank name
/// is not taken for anonymity (it is reported as missing); write 匿名 for an anonymous gift.
pub fn infer_donor_kind(donor: &str) -> &'static str {
    let d = donor.trim();
    if d.is_empty() {
        return "individual";
    }
    if d.contains("匿名") || d == "爱心人士" {
        return "anonymous";
    }
    if ["公司", "企业", "集团", "厂", "银行", "商行", "门店", "超市", "药房", "酒店", "合作社", "店"].iter().any(|w| d.contains(w)) {
        return "enterprise";
    }
    // A Red Cross society (中国红十字会总会), a volunteer motorcade (慈善爱心车队): organisations.
    if ["商会", "协会", "基金会", "促进会", "联合会", "学会", "慈善会", "红十字会", "总会", "车队", "爱心队", "志愿者", "社会组织", "俱乐部", "团队"]
        .iter()
        .any(|w| d.contains(w))
    {
        return "organisation";
    }
    if [
        "政府",
        "局",
        "委员会",
        "管委会",
        "办公室",
        "医院",
        "学校",
        "中学",
        "小学",
        "大学",
        "学院",
        "中心",
        "法院",
        "检察院",
        "街道",
        "社区",
        "村委会",
        "人大",
        "政协",
        "党委",
        "支部",
        "公安",
        "部",
    ]
    .iter()
    .any(|w| d.contains(w))
    {
        return "government";
    }
    "individual"
}

/// The channel key, and the platform when the cell names one (腾讯公益 → online_platform).
pub fn channel_key(s: &str) -> Option<(&'static str, Option<String>)> {
    let w = norm_word(s);
    if let Some(key) = CHANNELS.find(&w) {
        return Some((key, None));
    }
    PLATFORMS.iter().find(|p| w.contains(&norm_word(p))).map(|p| ("online_platform", Some(p.to_string())))
}

pub fn donation_status_key(s: &str) -> Option<&'static str> {
    DONATION_STATUSES.lookup(s)
}

pub fn category_key(s: &str) -> Option<&'static str> {
    CATEGORIES.lookup(s)
}

/// The key of the organisation's programme a cell names: by its key, its name (also without
/// what follows a bracket: 冬季送温暖 for 冬季送温暖（困难群众）), its English name or one of its `aliases`.
pub fn programme_key(org: &Organisation, s: &str) -> Option<String> {
    let w = norm_word(s);
    let short = |n: &str| norm_word(n.split(['（', '(']).next().unwrap_or(n));
    org.programmes
        .iter()
        .find(|p| {
            [&p.key, &p.name].into_iter().chain(p.name_en.as_ref()).chain(&p.aliases).any(|n| norm_word(n) == w) || (!w.is_empty() && short(&p.name) == w)
        })
        .map(|p| p.key.clone())
}

pub fn relief_status_key(s: &str) -> Option<&'static str> {
    RELIEF_STATUSES.lookup(s)
}

/// A division as written → the organisation's name for it: the name itself, the name without its
/// 区/县/市/镇/乡/街道 (城关 for 城关镇), or either after the names of the levels above it
/// (某省某市某县城关镇). `None` when no division, or more than one, fits.
pub fn county_name(org: &Organisation, s: &str) -> Option<String> {
    let w = norm_word(s);
    if w.is_empty() {
        return None;
    }
    let short = |n: &str| -> String {
        let n = norm_word(n);
        let cut = ["街道", "区", "县", "市", "镇", "乡"].iter().find_map(|x| n.strip_suffix(x)).unwrap_or(&n).to_string();
        if cut.chars().count() >= 2 {
            cut
        } else {
            n
        }
    };
    if let Some(d) = org.divisions.iter().find(|d| norm_word(&d.name) == w) {
        return Some(d.name.clone());
    }
    let fits: Vec<&str> = org
        .divisions
        .iter()
        .filter(|d| {
            let (full, short) = (norm_word(&d.name), short(&d.name));
            w == short || w.ends_with(&full) || (w.ends_with(&short) && w.len() > short.len() && w[..w.len() - short.len()].ends_with(['市', '省', '州', '盟']))
        })
        .map(|d| d.name.as_str())
        .collect();
    match fits[..] {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

/// Goods record kinds.
pub(super) fn goods_record(s: &str) -> Option<&'static str> {
    GOODS_RECORDS.lookup(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongshi_core::{ledger, relief};

    const VOCABS: [(&str, &Vocab); 6] = [
        ("donor kind", &DONOR_KINDS),
        ("channel", &CHANNELS),
        ("donation status", &DONATION_STATUSES),
        ("category", &CATEGORIES),
        ("relief status", &RELIEF_STATUSES),
        ("goods record", &GOODS_RECORDS),
    ];

    /// The word as it may be typed: capitals, full-width letters and digits, spaces between.
    fn loosely(w: &str) -> String {
        let wide = |c: char| if c.is_ascii_graphic() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c };
        w.to_uppercase().chars().map(wide).map(String::from).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn every_vocabulary_finds_each_key_by_each_of_its_words_and_refuses_others() {
        for (name, vocab) in VOCABS {
            for (key, words) in vocab.entries {
                assert_eq!(vocab.lookup(key), Some(*key), "{name}: the key itself");
                for w in *words {
                    assert_eq!(vocab.lookup(w), Some(*key), "{name}: “{w}”");
                    assert_eq!(vocab.lookup(&loosely(w)), Some(*key), "{name}: “{}”", loosely(w));
                }
            }
            for unknown in ["飞鸽传书", "已", "unknown"] {
                assert_eq!(vocab.lookup(unknown), None, "{name}: “{unknown}”");
            }
        }
    }

    /// The keys are the core's, in its order; the app's labels are read as their keys.
    fn core_list<E: Copy>(vocab: &Vocab, all: &[E], key: fn(E) -> &'static str, zh: fn(E) -> &'static str, refused_label: Option<&str>) {
        let keys: Vec<&str> = vocab.entries.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, all.iter().map(|e| key(*e)).collect::<Vec<_>>());
        for e in all {
            let expected = (refused_label != Some(key(*e))).then(|| key(*e));
            assert_eq!(vocab.lookup(zh(*e)), expected, "the label “{}”", zh(*e));
        }
    }

    #[test]
    fn vocabularies_are_the_core_lists() {
        use ledger::{Category, Channel, DonationStatus, DonorKind};
        use relief::ReliefStatus;
        core_list(&DONOR_KINDS, &DonorKind::ALL, DonorKind::key, DonorKind::zh, None);
        core_list(&CHANNELS, &Channel::ALL, Channel::key, Channel::zh, None);
        core_list(&DONATION_STATUSES, &DonationStatus::ALL, DonationStatus::key, DonationStatus::zh, None);
        core_list(&CATEGORIES, &Category::ALL, Category::key, Category::zh, None);
        core_list(&RELIEF_STATUSES, &ReliefStatus::ALL, ReliefStatus::key, ReliefStatus::zh, None);
    }

    #[test]
    fn matchers_with_more_than_a_table() {
        // A platform's name anywhere in a channel cell; no channel word names a platform.
        for p in PLATFORMS {
            assert_eq!(channel_key(&format!("{p}月捐")), Some(("online_platform", Some(p.to_string()))));
        }
        for (_, words) in CHANNELS.entries {
            assert!(words.iter().all(|w| !PLATFORMS.iter().any(|p| norm_word(w).contains(&norm_word(p)))), "{words:?}");
        }
        assert_eq!(channel_key("现金"), Some(("cash", None)));
        assert_eq!(channel_key("飞鸽传书"), None);
        assert_eq!(goods_record(" "), Some("batch"));
    }

    /// Divisions and programmes are the organisation's (here another county's, with townships):
    /// by name, short name, with the levels above in front, English name and aliases.
    #[test]
    fn divisions_and_programmes_are_matched_against_the_organisation() {
        let org: Organisation = serde_json::from_str(
            r#"{"name":"某县红十字会","divisions":[{"name":"城关镇"},{"name":"东乡"},{"name":"高新区"},{"name":"高新街道"}],
                "programmes":[{"key":"winter_aid","name":"冬季送温暖（困难群众）","name_en":"Winter aid","aliases":["送温暖"]}]}"#,
        )
        .unwrap();
        let c = |s: &str| county_name(&org, s);
        assert_eq!(c("城关镇").as_deref(), Some("城关镇"));
        assert_eq!(c("城关").as_deref(), Some("城关镇"));
        assert_eq!(c("某省某市某县 城关镇").as_deref(), Some("城关镇"));
        assert_eq!(c("某市城关").as_deref(), Some("城关镇"));
        assert_eq!(c("东乡").as_deref(), Some("东乡"), "a two-character name keeps its 乡");
        assert_eq!(c("高新"), None, "two divisions fit");
        assert_eq!(c("咸安区"), None);
        assert_eq!(c("关镇"), None);
        assert_eq!(c(""), None);
        let p = |s: &str| programme_key(&org, s);
        for w in ["winter_aid", "冬季送温暖（困难群众）", "冬季送温暖", "Winter Aid", "送温暖", " 送 温 暖 "] {
            assert_eq!(p(w).as_deref(), Some("winter_aid"), "{w}");
        }
        assert_eq!(p("临时救助"), None);
    }
}
