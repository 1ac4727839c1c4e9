import { hash, Rng } from "./rng.js";

/**
 * The product catalogue of a maker of motors, pumps, valves and their parts: 13 categories and
 * about 250 products with real-looking model numbers, units, list prices and standard costs.
 * Small, so it is built once on the main thread and handed to the generator threads as is.
 */
export interface CatalogueCategory {
  id: string;
  letter: string;
  name: string;
}

export interface CatalogueProduct {
  id: string;
  code: string;
  categoryId: string;
  name: string;
  specification: string;
  unit: string;
  /** List price and standard cost in fen. */
  priceFen: number;
  costFen: number;
  /** Whole units (台, 件 …) or thousandths (吨, 千克, 米). */
  fractional: boolean;
  /** A typical sale's quantity, in thousandths of the unit. */
  typicalMilli: number;
  /** How often it sells relative to the others. */
  weight: number;
}

type Line = [name: string, unit: string, specs: string[], lowYuan: number, highYuan: number];
const FRACTIONAL = new Set(["吨", "千克", "米"]);
const dn = (sizes: number[]) => sizes.map((d) => `DN${d} PN16`);

const CATEGORIES: [letter: string, name: string, lines: Line[]][] = [
  [
    "A",
    "电动机",
    [
      [
        "三相异步电动机",
        "台",
        "Y2-80M1-2 0.75kW,Y2-90S-4 1.1kW,Y2-100L1-4 2.2kW,Y2-112M-4 4kW,Y2-132S-4 5.5kW,Y2-132M-4 7.5kW,Y2-160M-4 11kW,Y2-160L-4 15kW,Y2-180M-4 18.5kW,Y2-200L-4 30kW,Y2-225M-4 45kW,Y2-250M-4 55kW,Y2-280S-4 75kW".split(
          ",",
        ),
        620,
        26_800,
      ],
      [
        "变频调速电机",
        "台",
        "YVF2-100L-4 3kW,YVF2-132M-4 7.5kW,YVF2-160L-4 15kW,YVF2-200L-4 30kW,YVF2-250M-4 55kW".split(","),
        1_900,
        31_500,
      ],
      [
        "防爆电机",
        "台",
        "YBX3-100L-4 3kW,YBX3-132M-4 7.5kW,YBX3-160L-4 15kW,YBX3-200L-4 30kW,YBX3-250M-4 55kW".split(","),
        2_600,
        42_000,
      ],
      [
        "永磁同步电机",
        "台",
        "TYCX-112M 4kW,TYCX-132M 7.5kW,TYCX-160L 15kW,TYCX-200L 30kW".split(","),
        3_200,
        29_000,
      ],
    ],
  ],
  [
    "B",
    "减速机",
    [
      ["斜齿轮减速机", "台", "R37,R47,R57,R67,R77,R87,R97".split(","), 1_350, 12_600],
      ["伞齿轮减速机", "台", "K47,K67,K87,K107".split(","), 2_800, 16_800],
      ["平行轴减速机", "台", "F57,F77".split(","), 3_600, 8_900],
      ["蜗轮蜗杆减速机", "台", "NMRV040,NMRV050,NMRV063,NMRV075,NMRV090,NMRV110".split(","), 380, 2_650],
      ["行星减速机", "台", "PX60 i=10,PX90 i=10,PX120 i=20,PX160 i=20".split(","), 980, 6_800],
      ["摆线针轮减速机", "台", "XWD3,XWD4,XWD5,XWD6".split(","), 760, 3_900],
    ],
  ],
  [
    "C",
    "水泵",
    [
      [
        "单级离心泵",
        "台",
        "IS50-32-125,IS65-50-160,IS80-65-160,IS100-80-160,IS125-100-200,IS150-125-250".split(","),
        1_450,
        9_800,
      ],
      ["立式管道泵", "台", "ISG40-125,ISG50-160,ISG65-160,ISG80-200,ISG100-200".split(","), 1_280, 7_600],
      ["潜水排污泵", "台", "50WQ10-10-0.75,65WQ25-15-2.2,80WQ40-15-4,100WQ80-20-7.5".split(","), 960, 6_400],
      ["化工离心泵", "台", "IH50-32-160,IH65-50-160,IH80-65-160,IH100-80-160".split(","), 3_800, 14_500],
      ["多级离心泵", "台", "D12-25×3,D25-30×5,D46-50×4".split(","), 5_600, 23_000],
    ],
  ],
  [
    "D",
    "阀门",
    [
      ["法兰闸阀 Z41H", "个", dn([50, 80, 100, 150, 200, 300]), 420, 6_900],
      ["法兰截止阀 J41H", "个", dn([25, 50, 80, 100, 150]), 260, 3_800],
      ["法兰球阀 Q41F", "个", dn([15, 25, 50, 80, 100, 150]), 120, 3_100],
      ["对夹蝶阀 D71X", "个", dn([50, 100, 150, 200, 300]), 180, 2_200],
      ["止回阀 H44H", "个", dn([50, 100, 150, 200]), 380, 4_600],
      ["电动调节阀", "台", dn([25, 50, 80, 100]), 2_800, 9_600],
    ],
  ],
  [
    "E",
    "轴承",
    [
      [
        "深沟球轴承",
        "套",
        "6204-2RS,6205-2RS,6206-2RS,6208-2RS,6210-2RS,6305-ZZ,6308-ZZ,6310-ZZ".split(","),
        12,
        96,
      ],
      ["圆锥滚子轴承", "套", "30205,30208,30210,32212,32216".split(","), 38, 260],
      ["调心滚子轴承", "套", "22210CA,22216CA,22220CA,22312CA".split(","), 180, 1_250],
      ["圆柱滚子轴承", "套", "NU206E,NU210E,NU312E".split(","), 85, 420],
    ],
  ],
  [
    "F",
    "液压件",
    [
      ["液压油缸", "台", "HSG63/35-200,HSG100/55-400,HSG125/70-500,HSG160/90-800".split(","), 1_600, 9_800],
      ["齿轮泵", "台", "CBN-E306,CBN-E310,CBN-E314,CBN-E316".split(","), 360, 980],
      ["轴向柱塞泵", "台", "A10VSO28,A10VSO45,A10VSO71".split(","), 6_800, 15_600],
      ["电磁换向阀", "件", "4WE6E-DC24,4WE6J-AC220,4WE10E-DC24,4WE10J-AC220".split(","), 420, 1_380],
      ["液压站", "套", "5.5kW 40L,11kW 100L,22kW 300L".split(","), 12_800, 48_000],
    ],
  ],
  [
    "G",
    "气动元件",
    [
      ["标准气缸", "件", "SC32×100,SC50×150,SC63×200,SC80×250,SC100×300".split(","), 150, 980],
      ["二位五通电磁阀", "件", "4V210-08,4V310-10,4V410-15".split(","), 85, 260],
      ["气源处理器", "件", "AC2000,AC4000".split(","), 120, 320],
      ["迷你气缸", "件", "MAL20×50,MAL25×100,MAL32×150".split(","), 60, 140],
    ],
  ],
  [
    "H",
    "仪器仪表",
    [
      [
        "压力变送器",
        "台",
        "0–1.6MPa 4–20mA,0–2.5MPa 4–20mA,0–10MPa 4–20mA,0–40MPa 4–20mA".split(","),
        680,
        1_450,
      ],
      ["热电阻温度传感器", "台", "PT100 L=100,PT100 L=200,PT100 L=500".split(","), 160, 380],
      ["电磁流量计", "台", "DN25,DN50,DN100,DN200".split(","), 3_600, 12_500],
      ["雷达液位计", "台", "量程 10m,量程 30m".split(","), 6_800, 11_200],
      ["耐震压力表", "个", "Y-60 0–1MPa,Y-100 0–1.6MPa,Y-150 0–4MPa".split(","), 45, 180],
    ],
  ],
  [
    "J",
    "电气控制",
    [
      [
        "通用变频器",
        "台",
        "0.75kW,2.2kW,4kW,7.5kW,11kW,18.5kW,30kW,45kW,75kW,90kW".split(",").map((p) => `380V ${p}`),
        980,
        26_000,
      ],
      ["电机软启动器", "台", "22kW,45kW,75kW,110kW".split(","), 2_300, 8_900],
      ["PLC 控制器", "台", "16 点 I/O,32 点 I/O,64 点 I/O".split(","), 1_800, 6_500],
      ["动力控制柜", "套", "GGD 低压柜,XL-21 动力柜,变频控制柜".split(","), 6_800, 38_000],
    ],
  ],
  [
    "K",
    "传动与密封配件",
    [
      ["梅花联轴器", "件", "LM50,LM70,LM90,LM115".split(","), 65, 520],
      ["三角带", "根", "A-1000,B-1600,C-2500".split(","), 18, 95],
      ["滚子链", "米", "08B-1,10A-1,12A-1".split(","), 28, 86],
      ["同步带轮", "件", "XL 20 齿,L 30 齿,H 40 齿".split(","), 45, 260],
      ["机械密封", "套", "104-25,104-35,109-45,208-60".split(","), 180, 1_350],
      ["O 型密封圈套装", "盒", "NBR 386 件,FKM 225 件".split(","), 85, 360],
    ],
  ],
  [
    "L",
    "原材料",
    [
      ["冷轧钢板", "吨", "1.0mm,1.5mm,2.0mm".split(","), 4_650, 4_980],
      ["304 不锈钢板", "吨", "2.0mm,3.0mm".split(","), 15_800, 16_600],
      ["漆包铜圆线", "千克", "QZ-2 0.5mm,QZ-2 0.8mm,QZ-2 1.2mm".split(","), 78, 86],
      ["灰铸铁件 HT250", "吨", "机座毛坯,端盖毛坯".split(","), 7_800, 8_600],
      ["工业铝型材", "千克", "4040,4080".split(","), 26, 32],
      ["抗磨液压油 46#", "桶", ["200L"], 2_350, 2_350],
      ["锂基润滑脂", "千克", ["2# 15kg 装"], 28, 28],
    ],
  ],
  [
    "M",
    "电线电缆",
    [["交联电力电缆 YJV", "米", "3×2.5,3×4,3×6+2×4,3×16+1×10,3×35+1×16,3×70+1×35".split(","), 9, 168]],
  ],
  [
    "N",
    "技术服务",
    [
      ["设备安装调试", "次", ["标准服务"], 1_800, 1_800],
      ["年度维保服务", "年", "基础版,全保版".split(","), 12_000, 36_000],
      ["操作技术培训", "次", ["2 天"], 3_500, 3_500],
    ],
  ],
];

/** Rounds a price in yuan to fen the way a price list does: whole yuan from 100, tens from 1,000. */
const listPrice = (yuan: number) =>
  yuan >= 1000
    ? Math.round(yuan / 10) * 1000
    : yuan >= 100
      ? Math.round(yuan) * 100
      : Math.round(yuan * 10) * 10;

export function buildCatalogue(seed: number): {
  categories: CatalogueCategory[];
  products: CatalogueProduct[];
} {
  const rng = new Rng(hash(seed, "catalogue"));
  const categories: CatalogueCategory[] = [];
  const products: CatalogueProduct[] = [];
  for (const [letter, name, lines] of CATEGORIES) {
    const category = { id: rng.uuid(), letter, name };
    categories.push(category);
    let seq = 0;
    for (const [productName, unit, specs, low, high] of lines) {
      specs.forEach((spec, s) => {
        const t = specs.length > 1 ? s / (specs.length - 1) : 0;
        const priceFen = listPrice(low * (high / low) ** t * (0.97 + rng.float() * 0.06));
        const fractional = FRACTIONAL.has(unit);
        // A typical sale: about 20,000 yuan worth, at least one unit (a few tonnes, a few hundred metres…).
        const typical = Math.max(1, Math.min(300, 2_000_000 / priceFen));
        products.push({
          id: rng.uuid(),
          code: `${letter}-${String(++seq).padStart(2, "0")}`,
          categoryId: category.id,
          name: productName,
          specification: spec,
          unit,
          priceFen,
          costFen: Math.round(priceFen * (0.55 + rng.float() * 0.25)),
          fractional,
          typicalMilli: fractional ? Math.round(typical * 1000) : Math.round(typical) * 1000,
          weight: 0,
        });
      });
    }
  }
  // Popularity: Zipf over a shuffled order, so every category has best sellers and slow movers.
  const order = products.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.forEach((p, rank) => {
    products[p]!.weight = 1 / (rank + 1) ** 0.8;
  });
  return { categories, products };
}
