import { ErrorCode } from "@crm/contracts";
import { z } from "zod";

export type Lang = "zh-CN" | "en";

/** Picks the caller's language from Accept-Language (q-values honoured); Chinese by default. */
export function pickLang(header: string | undefined): Lang {
  if (!header) return "zh-CN";
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}

type Text = Record<Lang, string>;

/** Titles of every error code, in both languages. */
export const ERROR_TITLES: Record<ErrorCode, Text> = {
  [ErrorCode.validation]: { "zh-CN": "请求参数校验失败", en: "The request is not valid" },
  [ErrorCode.badRequest]: { "zh-CN": "请求格式错误", en: "Malformed request" },
  [ErrorCode.unauthenticated]: { "zh-CN": "请先登录", en: "Authentication required" },
  [ErrorCode.invalidCredentials]: { "zh-CN": "用户名或密码错误", en: "Wrong username or password" },
  [ErrorCode.tokenInvalid]: { "zh-CN": "登录凭证无效，请重新登录", en: "The access token is not valid" },
  [ErrorCode.tokenExpired]: { "zh-CN": "登录已过期，请重新登录", en: "The access token has expired" },
  [ErrorCode.refreshInvalid]: {
    "zh-CN": "会话已失效，请重新登录",
    en: "The session has ended; please log in again",
  },
  [ErrorCode.accountLocked]: {
    "zh-CN": "登录失败次数过多，账号已暂时锁定",
    en: "Too many failed logins; the account is temporarily locked",
  },
  [ErrorCode.accountDisabled]: { "zh-CN": "账号已停用", en: "This account is disabled" },
  [ErrorCode.passwordChangeRequired]: {
    "zh-CN": "请先修改密码",
    en: "You must change your password first",
  },
  [ErrorCode.passwordIncorrect]: { "zh-CN": "当前密码不正确", en: "The current password is wrong" },
  [ErrorCode.forbidden]: { "zh-CN": "没有权限执行此操作", en: "You do not have permission to do this" },
  [ErrorCode.notFound]: { "zh-CN": "资源不存在", en: "Not found" },
  [ErrorCode.conflict]: { "zh-CN": "数据冲突", en: "Conflict" },
  [ErrorCode.preconditionFailed]: {
    "zh-CN": "数据已被他人修改，请刷新后重试",
    en: "The record was changed by someone else; reload and try again",
  },
  [ErrorCode.departmentNotEmpty]: {
    "zh-CN": "部门下仍有在职人员或下级部门，不能停用",
    en: "The department still has active people or sub-departments",
  },
  [ErrorCode.cycle]: {
    "zh-CN": "不能移动到自身或其下级之下",
    en: "A node cannot be moved under itself or its descendants",
  },
  [ErrorCode.duplicateCustomer]: {
    "zh-CN": "可能与已有客户重复",
    en: "This looks like an existing customer",
  },
  [ErrorCode.gone]: {
    "zh-CN": "该记录已删除，请先从回收站恢复",
    en: "The record is deleted; restore it from the recycle bin first",
  },
  [ErrorCode.lastAdministrator]: {
    "zh-CN": "操作后将没有可管理角色的有效用户",
    en: "This would leave no active user able to manage roles",
  },
  [ErrorCode.idempotencyKeyReused]: {
    "zh-CN": "该幂等键已用于另一个请求",
    en: "This Idempotency-Key was used for a different request",
  },
  [ErrorCode.insufficientStock]: { "zh-CN": "库存不足", en: "Not enough stock" },
  [ErrorCode.rateLimited]: { "zh-CN": "请求过于频繁，请稍后再试", en: "Too many requests; try again later" },
  [ErrorCode.payloadTooLarge]: { "zh-CN": "请求内容过大", en: "The request body is too large" },
  [ErrorCode.unsupportedMediaType]: {
    "zh-CN": "不支持的内容类型",
    en: "Unsupported content type",
  },
  [ErrorCode.notReady]: { "zh-CN": "服务尚未就绪", en: "The service is not ready" },
  [ErrorCode.databaseUnavailable]: {
    "zh-CN": "数据库暂时无法连接，请稍后重试",
    en: "The database is unreachable for the moment; try again shortly",
  },
  [ErrorCode.writeConflict]: {
    "zh-CN": "该记录正被其他操作同时修改，本次未做任何更改，请稍后重试",
    en: "Another change to the same records was under way; nothing was changed, try again",
  },
  [ErrorCode.internal]: { "zh-CN": "服务器内部错误", en: "Internal server error" },
};

/** Messages of our own validation rules (used as `error` in the shared zod schemas). */
const CUSTOM_MESSAGES: Record<string, Text> = {
  required: { "zh-CN": "此项为必填项", en: "This field is required" },
  password_needs_letter: { "zh-CN": "密码必须包含字母", en: "The password must contain a letter" },
  password_needs_digit: { "zh-CN": "密码必须包含数字", en: "The password must contain a digit" },
  password_too_common: {
    "zh-CN": "这个密码太常见，容易被猜中，请换一个",
    en: "This password is too common and easily guessed; choose another",
  },
  password_same_as_current: {
    "zh-CN": "新密码不能与当前密码相同",
    en: "The new password must differ from the current one",
  },
  unknown_field: { "zh-CN": "不允许的字段", en: "This field is not allowed" },
  invalid_characters: {
    "zh-CN": "含有不允许的字符（空字符或不成对的代理字符）",
    en: "Contains characters that are not allowed (NUL or an unpaired surrogate)",
  },
  money_format: {
    "zh-CN": "金额格式不正确（最多12位整数、2位小数）",
    en: "Not a valid amount (up to 12 digits and 2 decimals)",
  },
  phone_format: { "zh-CN": "电话号码格式不正确", en: "Not a valid phone number" },
  username_format: {
    "zh-CN": "用户名只能包含字母、数字、点、下划线和连字符",
    en: "Use letters, digits, dots, underscores and hyphens only",
  },
  not_in_dictionary: { "zh-CN": "请从列表中选择", en: "Choose a value from the list" },
  dictionary_code_taken: { "zh-CN": "该编码已存在", en: "This code exists already" },
  dictionary_code_format: {
    "zh-CN": "编码只能包含字母、数字、下划线和连字符",
    en: "Use letters, digits, underscores and hyphens only",
  },
  email_format: { "zh-CN": "邮箱格式不正确", en: "Not a valid email address" },
  url_format: { "zh-CN": "网址格式不正确", en: "Not a valid web address" },
  postcode_format: { "zh-CN": "邮编应为6位数字", en: "A postcode has 6 digits" },
  area_code_format: { "zh-CN": "区号格式不正确（如 0571）", en: "Not a valid area code (e.g. 0571)" },
  mobile_format: { "zh-CN": "手机号码格式不正确", en: "Not a valid mobile number" },
  credit_code_invalid: {
    "zh-CN": "统一社会信用代码无效（校验位不符）",
    en: "Not a valid unified social credit code (check character)",
  },
  credit_code_taken: {
    "zh-CN": "该统一社会信用代码已被其他客户使用",
    en: "Another customer has this credit code",
  },
  city_not_in_province: { "zh-CN": "所选城市不属于该省份", en: "The city is not in that province" },
  province_city_together: {
    "zh-CN": "省份和城市需同时修改",
    en: "Change the province and the city together",
  },
  owner_out_of_scope: {
    "zh-CN": "负责人不存在或不在您的管理范围内",
    en: "The owner does not exist or is outside your scope",
  },
  nothing_to_set: { "zh-CN": "请至少选择一项要修改的内容", en: "Choose at least one field to change" },
  ids_or_filter: { "zh-CN": "请提供客户列表或筛选条件之一", en: "Give either ids or a filter" },
  merge_survivor_in_list: {
    "zh-CN": "保留的客户不能同时被合并",
    en: "The survivor cannot also be merged away",
  },
  merge_field_unknown: { "zh-CN": "该字段不能合并", en: "This field cannot be merged" },
  merge_source_unknown: {
    "zh-CN": "字段取值必须来自参与合并的客户",
    en: "A field's value must come from one of the merged customers",
  },
  bulk_too_many: { "zh-CN": "一次最多修改 50,000 个客户", en: "At most 50,000 customers at once" },
  import_empty: { "zh-CN": "文件中没有数据行", en: "The file has no data rows" },
  import_too_large: { "zh-CN": "一次最多导入 200,000 行", en: "At most 200,000 rows per import" },
  import_column_missing: { "zh-CN": "缺少必需的列", en: "A required column is missing" },
  import_duplicate_in_file: { "zh-CN": "与文件中前面的行重复", en: "Repeats an earlier row of the file" },
  import_code_unknown: { "zh-CN": "客户编码不存在", en: "No customer has this code" },
  import_match_out_of_scope: {
    "zh-CN": "匹配到的客户不在您的管理范围内",
    en: "The matching customer is outside your scope",
  },
  import_file_required: { "zh-CN": "请上传 CSV 或 XLSX 文件", en: "Upload a CSV or XLSX file" },
  import_file_type: {
    "zh-CN": "文件内容不是有效的 CSV 或 XLSX",
    en: "The file's content is not a valid CSV or XLSX",
  },
  file_inflates_too_large: {
    "zh-CN": "XLSX 文件解压后过大（疑似压缩炸弹）",
    en: "The XLSX file inflates too much (a possible zip bomb)",
  },
  cross_site_request: { "zh-CN": "拒绝来自其他网站的请求", en: "Requests from other sites are refused" },
  import_not_committable: { "zh-CN": "该导入当前不能提交", en: "This import cannot be committed now" },
  import_not_undoable: { "zh-CN": "该导入当前不能撤销", en: "This import cannot be undone now" },
  restore_merged: {
    "zh-CN": "该客户已被合并，请撤销合并而不是恢复",
    en: "This customer was merged; undo the merge instead",
  },
  merge_already_undone: { "zh-CN": "该合并已撤销", en: "This merge was undone already" },
  merge_survivor_changed: {
    "zh-CN": "合并后保留的客户已被修改，不能撤销",
    en: "The surviving customer changed since the merge",
  },
  import_changed_since: {
    "zh-CN": "导入的客户之后已被修改，不能撤销",
    en: "Customers of this import changed since",
  },
  invalid_cursor: { "zh-CN": "分页游标无效", en: "Invalid cursor" },
  drill_value_invalid: { "zh-CN": "该维度没有这一项", en: "No such row in this dimension" },
  not_in_report: { "zh-CN": "该客户不在报表中", en: "This customer is not in the report" },
  forbidden_field: { "zh-CN": "无权修改此字段", en: "You may not set this field" },
  unknown_permission: { "zh-CN": "未知的权限", en: "Unknown permission" },
  expires_in_past: { "zh-CN": "到期时间必须晚于现在", en: "The expiry must be in the future" },
  username_taken: { "zh-CN": "用户名已存在", en: "This username is taken" },
  role_name_taken: { "zh-CN": "角色名称已存在", en: "A role with this name exists" },
  not_found_ref: { "zh-CN": "所选项不存在", en: "The chosen item does not exist" },
  manager_cycle: {
    "zh-CN": "上级不能是本人或其下属",
    en: "The manager cannot be the user or one of their reports",
  },
  unknown_custom_field: { "zh-CN": "没有这个自定义字段", en: "There is no such custom field" },
  custom_key_format: {
    "zh-CN": "字段标识以小写字母开头，只含小写字母、数字和下划线（2–40位）",
    en: "Start with a lower-case letter; use lower-case letters, digits and _ (2–40)",
  },
  custom_key_taken: { "zh-CN": "该字段标识已被使用", en: "This key is taken" },
  custom_options_required: {
    "zh-CN": "选择类字段至少需要一个选项",
    en: "A choice field needs at least one option",
  },
  custom_options_not_allowed: {
    "zh-CN": "只有选择类字段可以设置选项",
    en: "Only choice fields have options",
  },
  custom_option_format: { "zh-CN": "选项值不能包含 , ; |", en: "An option value cannot contain , ; |" },
  custom_option_repeated: { "zh-CN": "选项值不能重复", en: "Option values must differ" },
  custom_option_in_use: {
    "zh-CN": "该选项已被记录使用，不能删除（可改名）",
    en: "Records use this option; rename it instead of removing it",
  },
  custom_unique_not_allowed: {
    "zh-CN": "只有文本、数字、日期字段可以设为唯一",
    en: "Only text, number and date fields can be unique",
  },
  custom_unique_conflict: {
    "zh-CN": "已有记录的取值重复，不能设为唯一",
    en: "Existing records share values; the field cannot be made unique",
  },
  custom_unique_bulk: {
    "zh-CN": "唯一字段不能批量设置为同一个值",
    en: "A unique field cannot be set to one value on many records",
  },
  custom_value_taken: {
    "zh-CN": "该值已被其他记录使用（唯一字段）",
    en: "Another record has this value (unique field)",
  },
  custom_text_format: { "zh-CN": "请输入文本", en: "Enter text" },
  custom_text_too_long: { "zh-CN": "文本最长 500 字", en: "At most 500 characters" },
  custom_number_format: {
    "zh-CN": "请输入数字（最多15位整数、6位小数）",
    en: "Enter a number (up to 15 digits and 6 decimals)",
  },
  custom_date_format: { "zh-CN": "请输入日期（YYYY-MM-DD）", en: "Enter a date (YYYY-MM-DD)" },
  custom_boolean_format: { "zh-CN": "请选择是或否", en: "Choose yes or no" },
  custom_option_unknown: { "zh-CN": "请从选项中选择", en: "Choose one of the options" },
  custom_range_format: { "zh-CN": "范围格式应为 起..止", en: "A range is written from..to" },
  quantity_format: {
    "zh-CN": "数量格式不正确（最多12位整数、3位小数）",
    en: "Not a valid quantity (up to 12 digits and 3 decimals)",
  },
  quantity_positive: { "zh-CN": "数量必须大于 0", en: "The quantity must be above 0" },
  reason_required: { "zh-CN": "调整库存必须填写原因", en: "An adjustment needs a reason" },
  insufficient_stock: { "zh-CN": "库存不足", en: "Not enough stock" },
  category_letter_format: {
    "zh-CN": "类别代码应为一个大写字母",
    en: "A category letter is one capital letter",
  },
  category_letter_taken: { "zh-CN": "该类别代码已被使用", en: "This letter is taken" },
  discount_format: { "zh-CN": "折扣应为 0–100 的百分数", en: "A discount is a percentage from 0 to 100" },
  order_lines_required: { "zh-CN": "订单至少需要一行产品", en: "An order needs at least one line" },
  order_not_draft: { "zh-CN": "只有草稿订单可以修改", en: "Only a draft order can be changed" },
  order_cannot_sign: { "zh-CN": "只有草稿订单可以签订", en: "Only a draft can be signed" },
  order_cannot_complete: {
    "zh-CN": "只有已全部交货的订单可以完成",
    en: "Only a fully delivered order can be completed",
  },
  order_cannot_cancel: {
    "zh-CN": "只有草稿或未交货的已签订单可以作废",
    en: "Only a draft or an undelivered signed order can be cancelled",
  },
  order_not_deliverable: { "zh-CN": "只有已签订的订单可以交货", en: "Only a signed order can be delivered" },
  order_not_deletable: {
    "zh-CN": "只有草稿或已作废的订单可以删除",
    en: "Only a draft or cancelled order can be deleted",
  },
  delivery_exceeds_order: { "zh-CN": "交货数量超过未交数量", en: "More than is left to deliver" },
  transaction_from_order: {
    "zh-CN": "订单交货产生的交易记录请在订单中处理",
    en: "Change a delivery's sale through its order",
  },
  receipt_exceeds_order: { "zh-CN": "收货数量超过未收数量", en: "More than is left to receive" },
  purchase_not_receivable: { "zh-CN": "该采购单不能收货", en: "This purchase order cannot be received" },
  purchase_not_cancellable: {
    "zh-CN": "只有尚未收货的采购单可以作废",
    en: "Only a purchase order with nothing received can be cancelled",
  },
  material_request_cannot_accept: {
    "zh-CN": "只有待处理的材料单可以接收",
    en: "Only a new request can be accepted",
  },
  material_request_cannot_reject: {
    "zh-CN": "只有待处理的材料单可以拒绝",
    en: "Only a new request can be rejected",
  },
  material_request_cannot_done: {
    "zh-CN": "只有已接收的材料单可以完成",
    en: "Only an accepted request can be done",
  },
  amount_positive: { "zh-CN": "金额必须大于 0", en: "The amount must be above 0" },
  percent_format: { "zh-CN": "比例应为 0–100 的百分数", en: "A percentage from 0 to 100" },
  instalments_not_100: { "zh-CN": "各期比例之和必须为 100%", en: "The instalments must add up to 100%" },
  allocations_not_equal_amount: {
    "zh-CN": "分配到各笔应收款的金额之和必须等于收款金额",
    en: "The allocations must add up to the payment",
  },
  receivable_not_open: {
    "zh-CN": "该应收款不属于此客户或已结清/作废",
    en: "This receivable is not open for this customer",
  },
  payment_exceeds_balance: { "zh-CN": "金额超过未收（付）余额", en: "More than the open balance" },
  payment_is_reversal: { "zh-CN": "冲销记录不能再冲销", en: "A reversal cannot be reversed" },
  payment_already_reversed: { "zh-CN": "该收款已冲销", en: "This payment was reversed already" },
  payable_not_open: { "zh-CN": "该应付款已结清或作废", en: "This payable is not open" },
  order_has_payments: {
    "zh-CN": "订单已有收款，不能作废",
    en: "The order has payments; it cannot be cancelled",
  },
  purchase_has_payments: { "zh-CN": "采购单已有付款，不能作废", en: "The purchase order has payments" },
  promise_date_required: { "zh-CN": "承诺付款需填写承诺日期", en: "A promise to pay needs its date" },
  resolution_required: { "zh-CN": "结束反馈必须填写处理结果", en: "Closing needs a resolution" },
  rating_range: { "zh-CN": "满意度为 1–5 分", en: "A rating from 1 to 5" },
  return_visit_done: { "zh-CN": "该回访已完成", en: "This return visit is done already" },
  idempotency_key_format: {
    "zh-CN": "幂等键为 1–100 位字母、数字、下划线、点、冒号或连字符",
    en: "An Idempotency-Key is 1–100 letters, digits, _ . : or -",
  },
  idempotency_key_reused: {
    "zh-CN": "该幂等键已用于另一个请求",
    en: "This Idempotency-Key was used for a different request",
  },
  ends_before_start: { "zh-CN": "结束时间不能早于开始时间", en: "The end cannot be before the start" },
  self_disable: { "zh-CN": "不能停用自己的账号", en: "You cannot disable your own account" },
};

const locales = { "zh-CN": z.locales.zhCN(), en: z.locales.en() };

/** A zod issue (or one of ours) as a message in the caller's language. */
export function issueMessage(
  lang: Lang,
  issue: { code: string; message?: string; [k: string]: unknown },
): string {
  const custom = issue.message ? CUSTOM_MESSAGES[issue.message] : undefined;
  if (custom) return custom[lang];
  try {
    const out = locales[lang].localeError(issue as never);
    const text = typeof out === "string" ? out : out?.message;
    if (text) return text;
  } catch {
    // fall through to the schema's own message
  }
  return issue.message ?? ERROR_TITLES[ErrorCode.validation][lang];
}

export function customMessage(lang: Lang, key: keyof typeof CUSTOM_MESSAGES | string): string {
  return CUSTOM_MESSAGES[key]?.[lang] ?? key;
}

export const isCustomMessage = (key: string) => Object.hasOwn(CUSTOM_MESSAGES, key);
