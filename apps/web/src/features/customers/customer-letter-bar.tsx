import { Button, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { LETTERS } from "./use-customer-filters";

interface CustomerLetterBarProps {
  value: string | undefined;
  onChange: (letter: string | undefined) => void;
}

/** A–Z plus # (names that do not start with a letter's pinyin) and 全部, as toggle buttons. */
export function CustomerLetterBar({ value, onChange }: CustomerLetterBarProps) {
  const { t } = useTranslation();
  const button = (letter: string | undefined, text: string) => {
    const active = value === letter;
    return (
      <Button
        key={letter ?? "all"}
        size="small"
        type={active ? "primary" : "text"}
        aria-pressed={active}
        className="customer-letter"
        onClick={() => onChange(letter)}
      >
        {text}
      </Button>
    );
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of toggle buttons, not a form fieldset
    <div role="group" aria-label={t("customers.list.letterBar")} className="customer-letter-bar">
      {button(undefined, t("customers.list.letterAll"))}
      {LETTERS.map((letter) =>
        letter === "#" ? (
          <Tooltip key="#" title={t("customers.list.letterOtherHint")}>
            {button("#", t("customers.list.letterOther"))}
          </Tooltip>
        ) : (
          button(letter, letter)
        ),
      )}
    </div>
  );
}
