//! Made-up material the real articles do not supply: names for bylines and credits,
//! page banners, series labels, brief-column labels, photo titles and captions, and
//! page furniture. Each pool is split like the articles (every third entry is
//! dev-only), so dev pages hold banners, labels and photo titles fitting never saw.

use crate::Rng;
use crate::articles::Split;

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
];
const GIVEN: &[&str] = &[
    "明", "晓东", "丽", "伟", "芳", "建国", "海燕", "雪", "立新", "博", "佳怡", "志强", "静",
    "鹏飞", "婷", "国栋", "晨", "子涵", "文华", "宇", "春生", "慧", "俊杰", "玉兰", "凯", "思远",
    "敏", "浩然",
];
const PLACES: &[&str] = &[
    "北京朝阳区",
    "上海浦东新区",
    "杭州西湖区",
    "成都武侯区",
    "广州天河区",
    "南京鼓楼区",
    "武汉江汉区",
    "西安雁塔区",
    "大同平城区",
    "长沙岳麓区",
    "昆明五华区",
    "济南历下区",
];
const BANNER_A: &[&str] = &[
    "聚焦高质量发展",
    "坚持人民至上",
    "深化改革开放",
    "建设美丽乡村",
    "守护绿水青山",
    "激发创新活力",
    "创新治理服务",
    "筑牢安全底线",
    "赋能产业升级",
    "擦亮城市名片",
    "厚植为民情怀",
    "推动文旅融合",
];
const BANNER_B: &[&str] = &[
    "奋力谱写新篇章",
    "绘就发展新画卷",
    "共建幸福家园",
    "书写时代答卷",
    "跑出发展加速度",
    "打造美丽社区",
    "增进民生福祉",
    "点亮美好生活",
    "汇聚奋进力量",
];
const LABELS: &[&str] = &[
    "做好“六稳” 落实“六保”",
    "一线调研",
    "奋进新征程 建功新时代",
    "记者走基层",
    "乡村振兴进行时",
    "代表委员风采",
    "新春走基层",
    "高质量发展调研行",
    "我们的新时代",
    "聚焦民生实事",
    "基层治理新观察",
    "沿着高速看发展",
];
/// Halves of a kicker set as two parallel phrases over its headline (a common 引题
/// form: `依托“三链” 激活“新引擎”`, `强化科技支撑 拓宽增收渠道`), often with a quoted
/// term closing a half; the articles rarely carry one, so the generator adds them.
const KICKER_HALVES: &[&str] = &[
    "依托“三链”",
    "激活“新引擎”",
    "用好“三张牌”",
    "打好“组合拳”",
    "念好“山海经”",
    "按下“快进键”",
    "下好“先手棋”",
    "做强“主引擎”",
    "织密“保障网”",
    "守好“钱袋子”",
    "拎稳“菜篮子”",
    "唱好“双城记”",
    "画好“同心圆”",
    "筑牢“防火墙”",
    "打通“最后一公里”",
    "强化科技支撑",
    "优化营商环境",
    "坚持问题导向",
    "突出民生保障",
    "深化结对帮扶",
    "狠抓项目建设",
    "夯实基层基础",
    "培育新型业态",
    "激发市场活力",
    "提升服务效能",
    "厚植发展优势",
    "拓宽增收渠道",
];
const BRIEF_LABELS: &[&str] = &[
    "简讯",
    "本地快讯",
    "新闻速递",
    "要闻简报",
    "短讯",
    "一周要闻",
    "经济快报",
    "区县传真",
    "民生速览",
];
const PHOTO_TITLES: &[&str] = &[
    "春耕正当时",
    "果园新绿",
    "古镇夜色",
    "丰收的喜悦",
    "冰雪嘉年华",
    "夏粮开镰",
    "花海迎客",
    "新茶上市",
    "塔吊林立",
    "候鸟归来",
    "夜市烟火气",
    "非遗进校园",
    "龙舟竞渡",
    "稻田画",
    "银杏金黄",
    "渔港开海",
    "枇杷熟了",
    "雪后初霁",
    "乡村大舞台",
    "晨练",
    "运河新貌",
    "书香满城",
    "梯田如画",
    "新年新衣",
];
const WHEN: &[&str] = &[
    "近日",
    "5月6日",
    "日前",
    "清晨",
    "国庆假期期间",
    "3月31日",
    "入冬以来",
];
const CAPTION_PLACES: &[&str] = &[
    "河北省临城县",
    "浙江省安吉县",
    "四川省雅安市",
    "云南省普洱市",
    "山西省大同市平城区",
    "江苏省苏州市",
    "广西南宁市",
    "湖南省花垣县",
    "黑龙江省抚远市",
    "福建省安溪县",
    "甘肃省张掖市",
    "贵州省从江县",
];
const WHO: &[&str] = &[
    "果农",
    "村民",
    "游客",
    "工人",
    "学生",
    "志愿者",
    "农技人员",
    "市民",
];
const DOING: &[&str] = &[
    "在田间采摘新茶",
    "在果园修剪果树",
    "在车间赶制订单",
    "在广场参加健身活动",
    "在集市选购年货",
    "在麦田抢收小麦",
    "在河边观赏候鸟",
    "在书店里阅读",
    "在大棚里管护蔬菜",
];
const SECTIONS: &[&str] = &[
    "要闻", "综合", "经济", "民生", "国际", "观察", "社会", "法治", "文化", "体育", "地方", "农村",
];
const PAPERS: &[&str] = &[
    "晨光日报",
    "东城晚报",
    "江南都市报",
    "北方农民报",
    "滨海时报",
    "西部商报",
];
const ORGS: &[&str] = &["市气象局", "县文旅局", "区档案馆", "省农科院", "市图书馆"];
const CN_NUM: &[&str] = &[
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六",
];
const WEEKDAYS: &[&str] = &["一", "二", "三", "四", "五", "六", "日"];

/// The entries of `pool` that belong to `split`: every third one is dev's.
fn part(pool: &'static [&'static str], split: Split) -> Vec<&'static str> {
    pool.iter()
        .enumerate()
        .filter(|(i, _)| (i % 3 == 2) == (split == Split::Dev))
        .map(|(_, s)| *s)
        .collect()
}

fn pick(rng: &mut Rng, pool: &[&'static str]) -> &'static str {
    rng.pick(pool).copied().unwrap_or("")
}

/// Made-up material for one part.
pub struct Material {
    split: Split,
}

impl Material {
    pub fn new(split: Split) -> Self {
        Self { split }
    }

    pub fn name(&self, rng: &mut Rng) -> String {
        format!("{}{}", pick(rng, SURNAMES), pick(rng, GIVEN))
    }

    pub fn place(&self, rng: &mut Rng) -> &'static str {
        pick(rng, &part(PLACES, self.split))
    }

    pub fn banner(&self, rng: &mut Rng) -> String {
        let a = pick(rng, &part(BANNER_A, self.split));
        let b = pick(rng, &part(BANNER_B, self.split));
        format!("{a} {b}")
    }

    /// A kicker in two parallel halves (`依托“三链” 激活“新引擎”`).
    pub fn slogan_kicker(&self, rng: &mut Rng) -> String {
        let pool = part(KICKER_HALVES, self.split);
        let a = pick(rng, &pool);
        let b = loop {
            let b = pick(rng, &pool);
            if b != a || pool.len() < 2 {
                break b;
            }
        };
        let sep = pick(rng, &[" ", "　", "  "]);
        format!("{a}{sep}{b}")
    }

    pub fn label(&self, rng: &mut Rng) -> &'static str {
        pick(rng, &part(LABELS, self.split))
    }

    pub fn brief_label(&self, rng: &mut Rng) -> &'static str {
        pick(rng, &part(BRIEF_LABELS, self.split))
    }

    pub fn photo_title(&self, rng: &mut Rng) -> &'static str {
        pick(rng, &part(PHOTO_TITLES, self.split))
    }

    pub fn caption(&self, rng: &mut Rng) -> String {
        let place = pick(rng, &part(CAPTION_PLACES, self.split));
        match rng.below(3) {
            0 => format!("图为{place}{}{}。", pick(rng, WHO), pick(rng, DOING)),
            _ => format!(
                "{}，{place}的{}{}。",
                pick(rng, WHEN),
                pick(rng, WHO),
                pick(rng, DOING)
            ),
        }
    }

    /// A photo credit as printed.
    pub fn credit(&self, rng: &mut Rng) -> String {
        let n = self.name(rng);
        match rng.below(7) {
            0 => format!("本报记者 {n} 摄"),
            1 => format!("{n} 摄"),
            2 => format!("新华社记者 {n} 摄"),
            3 => format!("{}供图", pick(rng, ORGS)),
            4 => "资料图片".to_string(),
            5 => format!("通讯员 {n} 摄"),
            _ => format!("{n}摄"),
        }
    }

    /// A byline in a form outside the usual phrases, and whether it is printed at the
    /// end of the article.
    pub fn odd_byline(&self, rng: &mut Rng) -> (String, bool) {
        match rng.below(5) {
            0 => (format!("文/图 本报记者 {}", self.name(rng)), false),
            1 => (format!("{} {}", self.place(rng), self.name(rng)), false),
            2 => (
                format!("{}  {}  {}", self.name(rng), self.name(rng), self.name(rng)),
                true,
            ),
            3 => (format!("（本报记者{}参与采写）", self.name(rng)), true),
            _ => (
                format!("本报通讯员 {} 记者 {}", self.name(rng), self.name(rng)),
                false,
            ),
        }
    }

    /// A closing note that stays a paragraph of an article with another byline.
    pub fn end_note(&self, rng: &mut Rng) -> String {
        match rng.below(3) {
            0 => format!("（本报记者{}参与采写）", self.name(rng)),
            1 => format!("（特别感谢{}对本文的支持）", pick(rng, ORGS)),
            _ => format!("（实习生{}对本文亦有贡献）", self.name(rng)),
        }
    }

    /// A page number in Chinese, 1–16.
    pub fn page_cn(&self, rng: &mut Rng) -> &'static str {
        pick(rng, CN_NUM)
    }

    /// A continuation note pointing back (`from` true) or onward.
    pub fn jump_note(&self, rng: &mut Rng, from: bool) -> String {
        let word = if from { "上接" } else { "下转" };
        let n = self.page_cn(rng);
        match rng.below(7) {
            0 => format!("({word}第{}版)", rng.below(16) + 1),
            1 => format!("[{word}第{n}版）"),
            // OCR reads one bracket of a pair as another kind.
            6 => format!("（{word}第{n}版】"),
            2 if from => format!("接第{}版", rng.below(16) + 1),
            2 => format!("转第{}版", rng.below(16) + 1),
            _ => format!("（{word}第{n}版）"),
        }
    }

    /// One line of page furniture.
    pub fn furniture(&self, rng: &mut Rng) -> String {
        let (year, month, day) = (2018 + rng.below(9), 1 + rng.below(12), 1 + rng.below(28));
        let weekday = pick(rng, WEEKDAYS);
        let n = rng.below(16) + 1;
        match rng.below(11) {
            0 => format!(
                "{}{}{}",
                pick(rng, SECTIONS),
                pick(rng, &["·", "•", "．"]),
                pick(rng, SECTIONS)
            ),
            1 => format!("{n} 第 版 {year}年{month}月{day}日星期{weekday}"),
            2 => format!("{year}年{month}月{day}日 星期{weekday}"),
            3 => format!("第{}版", self.page_cn(rng)),
            4 => format!("第{n}版 {}", pick(rng, SECTIONS)),
            5 => format!(
                "本版编辑：{} 校对：{} 电话：010-{}",
                self.name(rng),
                self.name(rng),
                6_000_000 + rng.below(3_999_999)
            ),
            6 => format!("责任编辑：{}", self.name(rng)),
            7 => format!("版式制作：{}", self.name(rng)),
            8 => format!("{} {year}年{month}月{day}日", pick(rng, PAPERS)),
            9 => format!("{n} / {} 本报告仅供参考", n + rng.below(8)),
            _ => format!("美术编辑：{}  {}", self.name(rng), pick(rng, PAPERS)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_split_without_overlap() {
        for pool in [
            BANNER_A,
            BANNER_B,
            LABELS,
            BRIEF_LABELS,
            PHOTO_TITLES,
            CAPTION_PLACES,
            PLACES,
        ] {
            let train = part(pool, Split::Train);
            let dev = part(pool, Split::Dev);
            assert!(!train.is_empty() && !dev.is_empty());
            assert!(train.iter().all(|t| !dev.contains(t)));
            assert_eq!(train.len() + dev.len(), pool.len());
        }
    }
}
