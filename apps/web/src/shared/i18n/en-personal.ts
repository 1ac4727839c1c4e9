import type { Translation } from "./zh-cn";

/** Personal centre (English); the same keys as `zh-cn-personal.ts`. */
export const enPersonal: Translation["personal"] = {
  tabs: {
    profile: "Profile",
    stats: "My statistics",
    notifications: "Notifications",
  },
  profile: {
    displayName: "Name",
    username: "Username",
    department: "Department",
    permissions: "Permissions",
    permissionCount: "{{count}}",
    security: "Account security",
    securityHint:
      "Change your password from time to time. After a change, your sessions on other devices end.",
    changePassword: "Change password",
  },
  stats: {
    period: "Period",
    presets: {
      thisMonth: "This month",
      lastMonth: "Last month",
      last3Months: "Last 3 months",
      thisYear: "This year",
      custom: "Custom",
    },
    from: "From",
    to: "To",
    rangeSummary: "{{from}} to {{to}}",
    figures: {
      newCustomers: "New customers",
      contactsMade: "Contact records",
      careRecords: "Care records",
      tasksDone: "Tasks done",
      tasksOverdue: "Overdue tasks",
      ordersSigned: "Orders signed",
      orderAmount: "Signed amount",
      transactionAmount: "Transactions",
      paymentsCollected: "Payments collected",
      receivablesDue: "Due, not yet paid",
      feedbackHandled: "Feedback handled",
    },
    hints: {
      newCustomers: "Customers you own, created in the period",
      tasksOverdue: "Tasks due in the period and still not done",
      paymentsCollected: "Money received in the period against your receivables (reversals subtracted)",
      receivablesDue: "Receivables due in the period and still open",
      feedbackHandled: "Feedback you handled, closed in the period",
    },
    groups: {
      customers: "Customer care",
      work: "Work plans",
      sales: "Sales and collection",
    },
    byChannel: "Contacts by channel",
    noContacts: "No contact records in the period",
    channelCount: "{{count}}",
    trend: "Last 12 months",
    byMonth: "Month by month",
    trendUntil: "Up to {{month}}",
    month: "Month",
    chartLabel:
      "Contact records, new customers, signed amount and payments collected over the last 12 months",
    loadFailed: "The statistics could not be loaded",
  },
  notifications: {
    intro:
      "Choose which notifications reach the bell at the top right. A kind you turn off is no longer sent to you; notifications already received stay.",
    kinds: {
      task_assigned: { label: "Task assigned", description: "A colleague assigns you a task" },
      shared: {
        label: "Shared with me",
        description: "A colleague shares a contact record, care record, event or task with you",
      },
      follow_up_due: {
        label: "Follow-up due",
        description: "A customer's follow-up date comes, or it has had no contact for the set number of days",
      },
      feedback_assigned: {
        label: "Service feedback",
        description: "Feedback is assigned to you or re-opened",
      },
      receivable_overdue: {
        label: "Receivable overdue",
        description: "A receivable of your orders is overdue",
      },
      event_reminder: { label: "Event reminder", description: "An event's reminder time comes" },
    },
    on: "On",
    off: "Off",
    turnedOn: "“{{kind}}” notifications turned on",
    turnedOff: "“{{kind}}” notifications turned off",
    loadFailed: "The notification settings could not be loaded",
  },
};
