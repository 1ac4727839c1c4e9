import { PhoneOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../shared/api";
import { ContactRecordDrawer } from "./contact-record-drawer";

/** The customer page's quick action: log a contact (联系记录) with this customer, in the drawer. */
export function LogContactButton({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [open, setOpen] = useState(false);
  if (!can("activity:create")) return null;
  return (
    <>
      <Button icon={<PhoneOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t("relationship.records.quickAction")}
      </Button>
      {open && <ContactRecordDrawer record={null} customer={customer} onClose={() => setOpen(false)} />}
    </>
  );
}
