// Messages of the qualitative (O-V-A) objectives (merged into the objectives area).
import { messages } from "./types";

export const qualitative = messages({
  en: {
    "qualitative.errors.verb": "Name the observable action verb.",
    "qualitative.errors.grid": "A grid needs at least one criterion, each with the four level descriptions.",
    "qualitative.errors.sdr": "This SDR is not on the campaign's objective.",
    "qualitative.errors.kind": "Only an SDR records a self-assessment or a peer feedback.",
    "qualitative.errors.mapping": "Map a criterion of this grid to one of the client's ratings.",
    "qualitative.errors.future": "An assessment cannot be dated in the future.",
    "qualitative.errors.invalid": "Enter a valid date.",
    "qualitative.errors.missing": "Choose a level for every criterion.",
    "qualitative.errors.not_in_grid": "Choose one of the grid's levels.",
    "qualitative.errors.unknown_criterion": "This criterion is not in the grid.",
    "qualitative.errors.not_in_campaign": "Evidence meetings must belong to this campaign.",
    "qualitative.errors.not_this_sdr": "Evidence meetings must be this SDR's.",
    "qualitative.errors.not_http": "The recording link must start with http:// or https://.",
  },
  fr: {
    "qualitative.errors.verb": "Indiquez le verbe d'action observable.",
    "qualitative.errors.grid": "Une grille demande au moins un critère, chacun avec ses quatre niveaux décrits.",
    "qualitative.errors.sdr": "Ce SDR n'est pas concerné par cet objectif.",
    "qualitative.errors.kind": "Seul un SDR enregistre une auto-évaluation ou un retour entre pairs.",
    "qualitative.errors.mapping": "Associez un critère de cette grille à l'une des notes du client.",
    "qualitative.errors.future": "Une évaluation ne peut pas être datée dans le futur.",
    "qualitative.errors.invalid": "Saisissez une date valide.",
    "qualitative.errors.missing": "Choisissez un niveau pour chaque critère.",
    "qualitative.errors.not_in_grid": "Choisissez l'un des niveaux de la grille.",
    "qualitative.errors.unknown_criterion": "Ce critère n'est pas dans la grille.",
    "qualitative.errors.not_in_campaign": "Les rendez-vous cités doivent appartenir à cette campagne.",
    "qualitative.errors.not_this_sdr": "Les rendez-vous cités doivent être ceux de ce SDR.",
    "qualitative.errors.not_http": "Le lien d'enregistrement doit commencer par http:// ou https://.",
  },
});
