import {
  contacts,
  customerSearchColumns,
  customers,
  type Db,
  nextSequence,
  ngrams,
  normaliseText,
  padSequence,
  users,
} from "@crm/db";
import { eq, sql } from "drizzle-orm";

type Demo = [
  name: string,
  cls: string,
  province: string,
  city: string,
  phone: string,
  industry: string,
  status: string,
  owner: string,
  contact: string,
];

/** A few customers for the demo company, so a first look at the product is not an empty list. */
const DEMO_CUSTOMERS: Demo[] = [
  [
    "杭州宏达机械有限公司",
    "1",
    "浙江省",
    "杭州市",
    "0571-86861234",
    "manufacturing",
    "signed",
    "sales1",
    "王建国",
  ],
  [
    "宁波海天塑料制品有限公司",
    "2",
    "浙江省",
    "宁波市",
    "0574-88990011",
    "manufacturing",
    "active",
    "sales1",
    "李丽",
  ],
  [
    "重庆长安汽车配件有限公司",
    "1",
    "重庆市",
    "重庆市",
    "023-68845678",
    "manufacturing",
    "following",
    "sales1",
    "张强",
  ],
  [
    "长沙远大空调设备有限公司",
    "2",
    "湖南省",
    "长沙市",
    "0731-84612345",
    "energy",
    "potential",
    "sales1",
    "刘芳",
  ],
  ["苏州精工电子科技有限公司", "1", "江苏省", "苏州市", "0512-66661111", "it", "active", "sales2", "陈明"],
  [
    "厦门航空货运代理有限公司",
    "3",
    "福建省",
    "厦门市",
    "0592-5551234",
    "logistics",
    "potential",
    "sales2",
    "林小燕",
  ],
  ["合肥恒信电子有限公司", "1", "安徽省", "合肥市", "0551-62223333", "it", "following", "sales2", "周涛"],
  ["无锡华光电机厂", "2", "江苏省", "无锡市", "0510-85201234", "manufacturing", "dormant", "sales2", "吴刚"],
  [
    "广州白云建材贸易有限公司",
    "2",
    "广东省",
    "广州市",
    "020-86661234",
    "wholesale",
    "active",
    "sales3",
    "黄敏",
  ],
  [
    "深圳华盛智能装备有限公司",
    "1",
    "广东省",
    "深圳市",
    "0755-26001234",
    "manufacturing",
    "signed",
    "sales3",
    "郑伟",
  ],
  [
    "成都蜀南农业科技有限公司",
    "3",
    "四川省",
    "成都市",
    "028-85123456",
    "agriculture",
    "potential",
    "sales3",
    "杨静",
  ],
  [
    "北京京北建设工程有限公司",
    "2",
    "北京市",
    "北京市",
    "010-62345678",
    "construction",
    "following",
    "mgr1",
    "赵磊",
  ],
];

/** Adds the demo customers to an empty customer table (never twice, never beside real data). */
export async function seedDemoCustomers(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${customers} in exclusive mode`);
    const [any] = await tx.select({ id: customers.id }).from(customers).limit(1);
    if (any) return;
    for (const [name, cls, province, city, phone, industry, status, owner, contact] of DEMO_CUSTOMERS) {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, owner));
      const code = `${cls}类-${padSequence(await nextSequence(tx, `customer:${cls}`))}`;
      const [row] = await tx
        .insert(customers)
        .values({
          name,
          class: cls,
          province,
          city,
          phone,
          industry,
          status,
          code,
          ownerId: user?.id ?? null,
          createdBy: user?.id ?? null,
          ...customerSearchColumns({ name, phone }),
        })
        .returning({ id: customers.id });
      await tx.insert(contacts).values({
        customerId: row!.id,
        name: contact,
        title: "采购经理",
        isPrimary: true,
        searchTokens: ngrams(normaliseText(contact)),
      });
    }
  });
}
