// The built-in library of O-V-A templates (the method's examples, docs/decisions/0033-qualitative-templates.md):
// each with its observed need, its observable verb, the expected behaviours, a suggested ritual and cadence, and a
// ready grid (criteria with the four described levels). French and English, the same keys in both.
import type { Grid, Level } from "./grid";

export type TemplateRitual = "CALL_REVIEW" | "HOT_DEBRIEF" | "ONE_TO_ONE" | "PEER_FEEDBACK" | "TEAM_SESSION";
export type TemplateCadence = "WEEKLY" | "BIWEEKLY" | "MONTHLY";
export type TemplateContext = "prospecting" | "management" | "client" | "onboarding";

export type TemplateContent = {
  title: string;
  need: string;
  verb: string;
  behaviours: string[];
  grid: Grid;
};
export type BuiltInTemplate = {
  key: string;
  context: TemplateContext;
  ritual: TemplateRitual;
  cadence: TemplateCadence;
  fr: TemplateContent;
  en: TemplateContent;
};

const lv = (not_observed: string, emerging: string, acquired: string, exemplary: string): Record<Level, string> => ({ not_observed, emerging, acquired, exemplary });

export const BUILT_IN_TEMPLATES: BuiltInTemplate[] = [
  {
    key: "active_listening",
    context: "prospecting",
    ritual: "CALL_REVIEW",
    cadence: "WEEKLY",
    en: {
      title: "Practise active listening in every call",
      need: "The client's feedback: prospects say they were pitched at, not listened to; meetings lack a stated need.",
      verb: "Rephrase the prospect's need in their own words before proposing a meeting",
      behaviours: ["Asks at least three open questions before pitching", "Rephrases the need and checks it with the prospect", "Picks up a weak signal and asks about it"],
      grid: {
        criteria: [
          { key: "open_questions", label: "Open questions", levels: lv("Closed questions or none: the SDR talks most of the call", "One or two open questions, then back to the script", "Three open questions or more, lets the prospect talk", "Questions build on the answers; the prospect talks most of the call") },
          { key: "rephrasing", label: "Rephrasing the need", levels: lv("No rephrasing: proposes the meeting straight away", "Rephrases, but in the pitch's words", "Rephrases in the prospect's words and checks it", "Rephrases, checks and adds what the prospect had not said") },
          { key: "weak_signals", label: "Weak signals", levels: lv("Misses the hints (a project, a deadline, a competitor)", "Hears a hint but does not follow it up", "Asks about the hint and notes it in the briefing", "Turns the hint into the reason for the meeting") },
        ],
      },
    },
    fr: {
      title: "Pratiquer l'écoute active à chaque appel",
      need: "Retour du client : les prospects disent avoir subi un pitch sans être écoutés ; les rendez-vous manquent d'un besoin exprimé.",
      verb: "Reformuler le besoin du prospect avec ses mots avant de proposer un rendez-vous",
      behaviours: ["Pose au moins trois questions ouvertes avant de présenter l'offre", "Reformule le besoin et le fait valider par le prospect", "Relève un signal faible et creuse"],
      grid: {
        criteria: [
          { key: "open_questions", label: "Questions ouvertes", levels: lv("Questions fermées ou aucune : le SDR parle presque tout l'appel", "Une ou deux questions ouvertes, puis retour au script", "Trois questions ouvertes ou plus, laisse parler le prospect", "Les questions rebondissent sur les réponses ; le prospect parle l'essentiel de l'appel") },
          { key: "rephrasing", label: "Reformulation du besoin", levels: lv("Aucune reformulation : propose le rendez-vous d'emblée", "Reformule, mais avec les mots du pitch", "Reformule avec les mots du prospect et fait valider", "Reformule, fait valider et ajoute ce que le prospect n'avait pas dit") },
          { key: "weak_signals", label: "Signaux faibles", levels: lv("Passe à côté des indices (un projet, une échéance, un concurrent)", "Entend l'indice sans le creuser", "Creuse l'indice et le note dans le brief", "Fait de l'indice la raison du rendez-vous") },
        ],
      },
    },
  },
  {
    key: "pitch_maturity",
    context: "prospecting",
    ritual: "CALL_REVIEW",
    cadence: "BIWEEKLY",
    en: {
      title: "Adapt the pitch to the prospect's maturity",
      need: "Call reviews: the same pitch is read to a prospect who has never thought about the subject and to one comparing suppliers.",
      verb: "Structure each pitch around the prospect's maturity, identified in the first minute",
      behaviours: ["Identifies the maturity (unaware, thinking, comparing) early in the call", "Chooses the angle and the proof that fit it", "Does not push a meeting on a prospect who is not ready: plans a follow-up instead"],
      grid: {
        criteria: [
          { key: "diagnosis", label: "Maturity identified", levels: lv("Does not ask: same opening for everyone", "Guesses the maturity without checking", "Asks one question that places the prospect", "Places the prospect and says so to adapt the conversation") },
          { key: "angle", label: "Angle and proof adapted", levels: lv("Reads the full pitch whatever the answer", "Changes a few words, same structure", "Chooses an angle and a proof suited to the maturity", "Angle, proof and next step all fit the prospect's stage") },
        ],
      },
    },
    fr: {
      title: "Adapter le pitch à la maturité du prospect",
      need: "Écoutes d'appels : le même pitch est récité au prospect qui n'a jamais réfléchi au sujet et à celui qui compare des fournisseurs.",
      verb: "Structurer chaque pitch selon la maturité du prospect, repérée dès la première minute",
      behaviours: ["Repère la maturité (pas conscient, en réflexion, en comparaison) tôt dans l'appel", "Choisit l'angle et la preuve qui lui correspondent", "Ne force pas un rendez-vous quand le prospect n'est pas prêt : planifie une relance"],
      grid: {
        criteria: [
          { key: "diagnosis", label: "Maturité repérée", levels: lv("Ne pose pas la question : même ouverture pour tous", "Devine la maturité sans la vérifier", "Pose une question qui situe le prospect", "Situe le prospect et le dit pour adapter l'échange") },
          { key: "angle", label: "Angle et preuve adaptés", levels: lv("Récite tout le pitch quelle que soit la réponse", "Change quelques mots, même structure", "Choisit un angle et une preuve adaptés à la maturité", "Angle, preuve et suite proposée collent à l'étape du prospect") },
        ],
      },
    },
  },
  {
    key: "value_followups",
    context: "prospecting",
    ritual: "PEER_FEEDBACK",
    cadence: "BIWEEKLY",
    en: {
      title: "Build every follow-up around a clear added value",
      need: "Reply rates fall after the second touch: follow-ups are generic chasers (\"just checking in\").",
      verb: "Formalise one added value per follow-up (an insight, a case, a figure) tied to the prospect's context",
      behaviours: ["Each follow-up brings something new for the prospect", "The value is tied to the prospect's sector or role", "No follow-up without a clear, easy next step"],
      grid: {
        criteria: [
          { key: "value", label: "Added value", levels: lv("Generic chaser with nothing new", "Brings content, but the same for everyone", "Brings content chosen for this prospect", "Brings content the prospect answers or shares") },
          { key: "next_step", label: "Next step", levels: lv("No ask, or \"let me know\"", "A vague ask", "One clear, easy ask", "An ask that fits the prospect's calendar and stage") },
        ],
      },
    },
    fr: {
      title: "Construire chaque relance autour d'une valeur ajoutée claire",
      need: "Le taux de réponse chute après la deuxième relance : ce sont des relances génériques (« je me permets de revenir vers vous »).",
      verb: "Formaliser une valeur ajoutée par relance (un éclairage, un cas, un chiffre) liée au contexte du prospect",
      behaviours: ["Chaque relance apporte quelque chose de nouveau au prospect", "La valeur est liée au secteur ou au métier du prospect", "Pas de relance sans une prochaine étape claire et simple"],
      grid: {
        criteria: [
          { key: "value", label: "Valeur ajoutée", levels: lv("Relance générique sans rien de nouveau", "Apporte un contenu, le même pour tous", "Apporte un contenu choisi pour ce prospect", "Apporte un contenu auquel le prospect répond ou qu'il partage") },
          { key: "next_step", label: "Prochaine étape", levels: lv("Aucune demande, ou « n'hésitez pas »", "Une demande floue", "Une demande claire et simple", "Une demande adaptée à l'agenda et à l'étape du prospect") },
        ],
      },
    },
  },
  {
    key: "qualify_need",
    context: "prospecting",
    ritual: "CALL_REVIEW",
    cadence: "WEEKLY",
    en: {
      title: "Qualify the persona, the decision power and the real need before booking",
      need: "Disputes: meetings booked with people outside the persona or with no project; the client's ratings say so.",
      verb: "Check the persona, the decision power and the need aloud before proposing a slot",
      behaviours: ["Confirms role and company against the persona", "Asks who decides and who else takes part", "Gets the need stated by the prospect, not assumed"],
      grid: {
        criteria: [
          { key: "persona_fit", label: "Persona checked", levels: lv("Books without checking role or company", "Checks the title only", "Checks role, company size and sector", "Checks them and notes any gap in the briefing") },
          { key: "decision_power", label: "Decision power", levels: lv("Never asks who decides", "Asks, accepts a vague answer", "Identifies the decision-maker and their part", "Maps the decision (who, how, when) and invites the right person") },
          { key: "real_need", label: "Real need", levels: lv("No need stated: the meeting is a favour", "A need assumed by the SDR", "A need stated by the prospect", "A need stated, with its stake and its timing") },
        ],
      },
    },
    fr: {
      title: "Qualifier persona, pouvoir de décision et besoin réel avant de réserver",
      need: "Contestations : rendez-vous pris avec des personnes hors persona ou sans projet ; les notes du client le confirment.",
      verb: "Vérifier à voix haute le persona, le pouvoir de décision et le besoin avant de proposer un créneau",
      behaviours: ["Confirme le poste et l'entreprise au regard du persona", "Demande qui décide et qui participe", "Obtient un besoin exprimé par le prospect, pas supposé"],
      grid: {
        criteria: [
          { key: "persona_fit", label: "Persona vérifié", levels: lv("Réserve sans vérifier poste ni entreprise", "Vérifie seulement l'intitulé de poste", "Vérifie poste, taille et secteur de l'entreprise", "Les vérifie et signale tout écart dans le brief") },
          { key: "decision_power", label: "Pouvoir de décision", levels: lv("Ne demande jamais qui décide", "Demande, se contente d'une réponse floue", "Identifie le décideur et son rôle", "Cartographie la décision (qui, comment, quand) et invite la bonne personne") },
          { key: "real_need", label: "Besoin réel", levels: lv("Aucun besoin exprimé : le rendez-vous est une faveur", "Un besoin supposé par le SDR", "Un besoin exprimé par le prospect", "Un besoin exprimé, avec son enjeu et son calendrier") },
        ],
      },
    },
  },
  {
    key: "new_sdr_pitch",
    context: "onboarding",
    ritual: "HOT_DEBRIEF",
    cadence: "WEEKLY",
    en: {
      title: "Restate the pitch clearly within the first weeks",
      need: "A new SDR on the campaign: prospects ask what the company actually does.",
      verb: "Clarify the offer in thirty seconds: who it is for, the problem it solves, one proof",
      behaviours: ["Says who the offer is for in one sentence", "Names the problem before the product", "Gives one concrete proof (a client, a figure)"],
      grid: {
        criteria: [
          { key: "clarity", label: "Clear offer", levels: lv("The prospect cannot tell what is sold", "Understandable, but long or full of jargon", "Clear in thirty seconds", "Clear, short and in the prospect's vocabulary") },
          { key: "proof", label: "Proof", levels: lv("No proof", "A general claim (\"we are leaders\")", "One concrete proof", "A proof chosen for the prospect's sector") },
        ],
      },
    },
    fr: {
      title: "Restituer clairement le pitch dès les premières semaines",
      need: "Un nouveau SDR sur la campagne : les prospects demandent ce que fait réellement l'entreprise.",
      verb: "Clarifier l'offre en trente secondes : pour qui, quel problème elle règle, une preuve",
      behaviours: ["Dit pour qui est l'offre en une phrase", "Nomme le problème avant le produit", "Donne une preuve concrète (un client, un chiffre)"],
      grid: {
        criteria: [
          { key: "clarity", label: "Offre claire", levels: lv("Le prospect ne sait pas ce qui est vendu", "Compréhensible, mais long ou jargonneux", "Clair en trente secondes", "Clair, court et dans le vocabulaire du prospect") },
          { key: "proof", label: "Preuve", levels: lv("Aucune preuve", "Une affirmation générale (« nous sommes leaders »)", "Une preuve concrète", "Une preuve choisie pour le secteur du prospect") },
        ],
      },
    },
  },
  {
    key: "post_meeting_rigour",
    context: "client",
    ritual: "ONE_TO_ONE",
    cadence: "MONTHLY",
    en: {
      title: "Rigour in post-meeting follow-ups",
      need: "The client: briefings arrive late or incomplete, and nobody confirms the meeting the day before.",
      verb: "Formalise the briefing and the confirmation of every meeting within the agreed time",
      behaviours: ["Sends the complete briefing the day it is booked", "Confirms with the prospect the day before", "Records attendance and outcome once the meeting is held"],
      grid: {
        criteria: [
          { key: "briefing", label: "Briefing", levels: lv("Missing or a few words", "Sent late, or with missing fields", "Complete and sent the same day", "Complete, same day, with the context that prepares the client") },
          { key: "confirmation", label: "Confirmation and follow-up", levels: lv("No confirmation, no follow-up", "Confirms sometimes", "Confirms every meeting the day before", "Confirms, reschedules no-shows and records the outcome") },
        ],
      },
    },
    fr: {
      title: "Rigueur dans le suivi après rendez-vous",
      need: "Le client : les briefs arrivent tard ou incomplets, et personne ne confirme le rendez-vous la veille.",
      verb: "Formaliser le brief et la confirmation de chaque rendez-vous dans les délais convenus",
      behaviours: ["Envoie le brief complet le jour de la prise de rendez-vous", "Confirme avec le prospect la veille", "Enregistre la présence et l'issue une fois le rendez-vous tenu"],
      grid: {
        criteria: [
          { key: "briefing", label: "Brief", levels: lv("Absent ou en quelques mots", "Envoyé tard, ou avec des champs manquants", "Complet et envoyé le jour même", "Complet, le jour même, avec le contexte qui prépare le client") },
          { key: "confirmation", label: "Confirmation et suivi", levels: lv("Ni confirmation ni suivi", "Confirme parfois", "Confirme chaque rendez-vous la veille", "Confirme, reprogramme les absents et enregistre l'issue") },
        ],
      },
    },
  },
  {
    key: "structured_feedback",
    context: "management",
    ritual: "TEAM_SESSION",
    cadence: "MONTHLY",
    en: {
      title: "Make feedback frequent, structured and constructive",
      need: "SDRs hear about their calls only when a client disputes a meeting.",
      verb: "Structure a weekly feedback on facts: what was observed, its effect, one thing to try",
      behaviours: ["Gives feedback within the week, on a named call", "Starts from a fact, not an opinion", "Agrees on one thing to try and checks it next time"],
      grid: {
        criteria: [
          { key: "facts", label: "Based on facts", levels: lv("General opinions (\"you need to be sharper\")", "A fact, mixed with judgements", "Facts from a named call", "Facts, their effect on the prospect, and the SDR's own reading") },
          { key: "next_try", label: "One thing to try", levels: lv("No next step", "Several vague advices", "One concrete thing to try", "One thing to try, checked at the next ritual") },
        ],
      },
    },
    fr: {
      title: "Rendre le feedback fréquent, structuré et constructif",
      need: "Les SDR n'entendent parler de leurs appels que lorsqu'un client conteste un rendez-vous.",
      verb: "Structurer un feedback hebdomadaire sur des faits : ce qui a été observé, son effet, une chose à essayer",
      behaviours: ["Fait un retour dans la semaine, sur un appel précis", "Part d'un fait, pas d'une opinion", "Convient d'une chose à essayer et la vérifie la fois suivante"],
      grid: {
        criteria: [
          { key: "facts", label: "Fondé sur des faits", levels: lv("Des avis généraux (« il faut être plus percutant »)", "Un fait, mêlé de jugements", "Des faits tirés d'un appel précis", "Des faits, leur effet sur le prospect, et la lecture du SDR") },
          { key: "next_try", label: "Une chose à essayer", levels: lv("Aucune suite", "Plusieurs conseils flous", "Une chose concrète à essayer", "Une chose à essayer, vérifiée au rituel suivant") },
        ],
      },
    },
  },
];

export function builtInTemplate(key: string): BuiltInTemplate | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.key === key);
}
