//! The words sample names and purposes are made of: surnames, places, trade names, industries,
//! government units, campaign purposes; and the donor names built from them.

use super::rng::Rng;

pub(super) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许",
    "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "吕", "丁", "沈", "姚", "卢", "汪", "范", "金",
    "石", "廖", "夏", "方", "邹", "熊", "邱", "江", "雷", "侯", "龙", "陶", "贺", "毛", "龚", "万", "严", "向", "汤", "舒", "饶", "柯", "游", "欧阳",
];

const PLACES: &[&str] = &["咸宁市", "咸宁市", "咸宁市", "咸宁", "赤壁市", "嘉鱼县", "通城县", "崇阳县", "通山县", "湖北"];

const TRADE_NAMES: &[&str] = &[
    "鑫源", "恒达", "华祥", "宏发", "鸿运", "金桥", "瑞丰", "楚天", "香城", "泉都", "桂乡", "隽水", "陆水", "金桂", "盛源", "德信", "立新", "众诚", "安泰",
    "汇丰", "兴隆", "裕华", "九丰", "富康", "天成", "博远", "嘉禾", "润泽", "长盛", "旭日", "同心", "佳禾",
];

pub(super) const INDUSTRIES: &[&str] = &[
    "建筑工程",
    "商贸",
    "置业",
    "电力设备",
    "纺织",
    "食品",
    "医药",
    "物流",
    "建材",
    "农业开发",
    "科技",
    "机械制造",
    "茶业",
    "竹木制品",
    "汽车销售",
    "房地产开发",
    "电子",
    "生物科技",
    "新材料",
    "酒店管理",
];

pub(super) const SUPPLIER_INDUSTRIES: &[&str] = &["文化传媒", "广告", "办公设备", "会展服务", "信息技术"];

const COMPANY_SUFFIXES: &[&str] = &["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"];

const HOME_PROVINCES: &[&str] = &["温州", "浙江", "福建", "湖南", "江西", "广东", "河南", "安徽", "江苏"];

/// Xianning's six county-level divisions.
/// The sample data's divisions: those of the shipped manifest (a test checks they agree).
pub(crate) const COUNTIES: &[&str] = &["咸安区", "嘉鱼县", "通城县", "崇阳县", "通山县", "赤壁市"];

pub(super) const GOV_UNITS: &[&str] = &[
    "市直机关某单位干部职工",
    "市直某局干部职工",
    "市直某学校教职工",
    "市直某医院医务人员",
    "咸安区某街道干部职工",
    "嘉鱼县某镇干部职工",
    "通城县县直某单位干部职工",
    "崇阳县县直某单位干部职工",
    "通山县某乡镇干部职工",
    "赤壁市市直某单位干部职工",
    "某国有企业干部职工",
];

pub(super) const COVID_TO: &[&str] = &[
    "咸宁市中心医院疫情防控一线医护人员",
    "咸安区疫情防控一线医护人员",
    "嘉鱼县疫情防控",
    "通城县疫情防控",
    "崇阳县疫情防控",
    "通山县疫情防控",
    "赤壁市疫情防控",
    "社区疫情防控志愿者",
];

pub(super) const FLOOD_TO: &[&str] = &["咸安区防汛救灾", "嘉鱼县防汛救灾", "通城县防汛救灾", "崇阳县防汛救灾", "通山县防汛救灾", "赤壁市防汛救灾"];

pub(super) const SPRING_TO: &[&str] = &["困难群众春节慰问", "困难家庭春节慰问", "孤寡老人春节慰问"];

pub(super) fn company(rng: &mut Rng, industries: &[&str]) -> String {
    format!("{}{}{}{}", rng.pick(PLACES), rng.pick(TRADE_NAMES), rng.pick(industries), rng.pick(COMPANY_SUFFIXES))
}

fn organisation(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 | 1 => format!("咸宁市{}商会", rng.pick(HOME_PROVINCES)),
        2 => format!("咸宁市{}公益基金会", rng.pick(TRADE_NAMES)),
        3 => format!("{}慈善会", rng.pick(COUNTIES)),
        _ => format!("咸宁市{}志愿者协会", rng.pick(TRADE_NAMES)),
    }
}

/// The donor kinds by key, in the order the generators' weights give them.
pub(super) const KINDS: [&str; 5] = ["individual", "enterprise", "organisation", "government", "anonymous"];

pub(super) fn donor_name(rng: &mut Rng, kind: &str) -> String {
    match kind {
        "individual" => format!("{}{}", rng.pick(SURNAMES), if rng.chance(550) { "先生" } else { "女士" }),
        "enterprise" => company(rng, INDUSTRIES),
        "organisation" => organisation(rng),
        "government" => rng.pick(GOV_UNITS).to_string(),
        _ => {
            if rng.chance(500) {
                String::new()
            } else {
                "爱心人士".to_string()
            }
        }
    }
}
