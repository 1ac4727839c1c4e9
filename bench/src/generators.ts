import { contactGenerator } from "./contacts.js";
import type { GenContext, Task, TaskTable } from "./context.js";
import { customerGenerator } from "./customers.js";
import { feedbackGenerators } from "./feedback.js";
import { orderGenerators } from "./orders.js";
import { careRecordGenerator, contactRecordGenerator } from "./records.js";
import { directSaleGenerator } from "./sales.js";
import { World } from "./world.js";

export type Generate = (task: Task) => { text: string; rows: number };

/** Every table's generator on this thread, each made on first use (some build per-thread tables). */
export function generators(ctx: GenContext): (table: TaskTable) => Generate {
  const world = new World(ctx);
  const made = new Map<TaskTable, Generate>();
  const make = (table: TaskTable): Generate => {
    switch (table) {
      case "customers":
        return customerGenerator(ctx);
      case "contacts":
        return contactGenerator(ctx);
      case "contact_records":
        return contactRecordGenerator(ctx);
      case "care_records":
        return careRecordGenerator(ctx);
      case "direct_sales":
        return directSaleGenerator(world);
      case "feedback":
      case "return_visits":
        return feedbackGenerators(world)[table];
      default:
        return orderGenerators(world)[table];
    }
  };
  return (table) => {
    let g = made.get(table);
    if (!g) {
      g = make(table);
      made.set(table, g);
    }
    return g;
  };
}
