import type { Coded } from '../../gateway/codes';
import type { Translate } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/Messages';

/** The catalogue's families of words for a code table: `callType.incoming`, `reason.overflow`... */
type CodeFamily = 'callType' | 'media' | 'ability' | 'device' | 'reason';

/** The kinds a family has words for. */
type KindOf<F extends CodeFamily> = MessageKey extends infer K ? (K extends `${F}.${infer Kind}` ? Kind : never) : never;

/** The words for a code from the gateway, or "unknown (code N)" for one not in its table. */
export function codeText<F extends CodeFamily>(t: Translate, family: F, coded: Coded<KindOf<F>>): string {
  return coded.kind === 'unknown' ? t('unknownCode', { code: coded.code }) : t(`${family}.${coded.kind}` as MessageKey);
}
