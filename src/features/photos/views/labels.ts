import type { Translate } from '../../../i18n';
import { PHOTO_CONSENTS, PHOTO_KINDS, type PhotoConsent, type PhotoKind } from '../service';
import type { Option } from '../../../ui/forms';

/** "Before", "During the work" or "After". */
export const kindLabel = (t: Translate, kind: PhotoKind): string => t(`photos.kind.${kind}`);

/** The consent status in words, so its meaning never rests on colour. */
export const consentLabel = (t: Translate, consent: PhotoConsent): string => t(`photos.consent.${consent}`);

/** The kinds as choices, in the order of the work. */
export const kindOptions = (t: Translate): Option[] => PHOTO_KINDS.map((kind) => ({ value: kind, label: kindLabel(t, kind) }));

export const consentOptions = (t: Translate): Option[] =>
  PHOTO_CONSENTS.map((consent) => ({ value: consent, label: consentLabel(t, consent) }));
