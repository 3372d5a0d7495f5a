import type { Topic } from './demo-catalog';
import type { TopicTexts } from './demo-texts-topics';

/** The other topics' texts, the replies anyone writes, and what people say in conversations. */
export const MORE_TOPIC_TEXTS: Partial<Record<Topic, TopicTexts>> = {
  handisport: {
    posts: [
      'Notre section {sport} adapté a accueilli ses {n} premiers pratiquants cette saison, grâce à deux fauteuils prêtés par le comité départemental.',
      'Le label « Club inclusif » est ouvert aux candidatures jusqu’en {month}. Le dossier est court et la visite se passe très bien.',
      'Formation « Accueillir des pratiquants en situation de handicap mental » à {town} : il reste des places.',
      'Nous avons obtenu {amount} € pour adapter les vestiaires. Le plus long a été l’avis de la commission d’accessibilité de la mairie.',
    ],
    questions: [
      {
        title: 'Quel matériel adapté acheter en premier pour le {sport} ?',
        body: 'Nous démarrons une section à {town} avec un budget de {amount} €. Par quoi commencer ?',
      },
      {
        title: 'Un éducateur de {sport} sans formation handisport peut-il encadrer ?',
        body: 'Nous avons un éducateur motivé mais sans qualification spécifique. Est-ce un problème pour l’assurance ?',
      },
      {
        title: 'Comment faire connaître notre section adaptée aux familles de {town} ?',
        body: 'Les établissements spécialisés de {town} ne nous répondent pas. Des idées ?',
      },
    ],
    answers: [
      'Commencez par du matériel polyvalent et demandez au comité départemental : ils prêtent souvent pour une saison d’essai.',
      'L’assurance le couvre, mais une formation courte de la fédération est vivement recommandée, et souvent gratuite.',
      'Passez par les maisons départementales des personnes handicapées : elles relaient volontiers les offres de sport.',
    ],
  },
  equipements: {
    posts: [
      'Créneaux de gymnase à {town} : la mairie redistribue les horaires en {month}. Déposez vos demandes avant le 30.',
      'Achat groupé de ballons et de chasubles via la ligue {region} : -25 % au-delà de {n} clubs participants. Inscriptions ouvertes.',
      'Notre minibus 9 places est disponible le week-end pour les clubs voisins, contre participation aux frais de carburant.',
      'Éclairage LED installé au terrain de {town} : la facture d’électricité a baissé de moitié. Financement à 50 % par le département.',
    ],
    questions: [
      {
        title: 'Minibus : louer ou acheter pour un club de {n} licenciés ?',
        body: 'Nous faisons une vingtaine de déplacements par saison. Qu’avez-vous choisi ?',
      },
      {
        title: 'La mairie de {town} réduit nos créneaux : comment négocier ?',
        body: 'On nous retire deux soirs par semaine au profit d’une autre association.',
      },
      {
        title: 'Qui répare le matériel de {sport} prêté par la ligue ?',
        body: 'Des tapis prêtés pour la saison sont abîmés. Qui paie la réparation ?',
      },
    ],
    answers: [
      'À moins de 30 déplacements par an, la location reste moins chère, surtout avec l’entretien et l’assurance.',
      'Venez avec vos effectifs, surtout les jeunes et les féminines : c’est l’argument que les élus entendent.',
      'La convention de prêt le précise : en général, l’usure normale est pour la ligue, la casse pour le club.',
    ],
  },
  evenements: {
    posts: [
      'Tournoi {category} du {weekday} 12 à {town} : {n} équipes inscrites, il nous manque des bénévoles pour la buvette.',
      'Le loto du club a rapporté {amount} €. Pensez à la déclaration en mairie, obligatoire même pour un loto traditionnel.',
      'Fête de fin de saison à {town} : démonstrations, repas partagé et remise des trophées. Toutes les familles sont invitées.',
      'Check-list d’organisation d’un tournoi (autorisations, secours, assurance, buvette) partagée dans l’espace documents.',
    ],
    questions: [
      {
        title: 'Buvette temporaire à {town} : combien d’autorisations par an ?',
        body: 'Nous organisons {n} événements par saison à {town}. La mairie nous parle d’un plafond.',
      },
      {
        title: 'Faut-il un poste de secours pour un tournoi de {n} joueurs ?',
        body: 'Tournoi {category} en salle, environ 200 spectateurs attendus.',
      },
      {
        title: 'Quel prix d’inscription pour un tournoi {category} ?',
        body: 'Nous hésitons entre {amount} € par équipe et une inscription gratuite avec buvette.',
      },
    ],
    answers: [
      'Cinq autorisations de buvette temporaire par an pour une association sportive, dix dans certains cas.',
      'Au-delà de 1 500 personnes c’est obligatoire ; en dessous, une équipe formée au PSC1 et un défibrillateur suffisent en pratique.',
      'Une inscription modeste fidélise les équipes : nous demandons {amount} € et tout le monde vient.',
    ],
  },
  arbitrage: {
    posts: [
      'Nouvelle promotion de {n} arbitres régionaux en {region}. Bravo à eux et aux clubs qui les ont accompagnés !',
      'Rappel des règles de la saison : la fiche d’évaluation des arbitres passe en ligne à partir de {month}.',
      'Violence envers les arbitres : tout incident doit être signalé sous 48 heures à la commission de discipline.',
      'Stage arbitrage jeunes pendant les vacances à {town}, ouvert dès 13 ans.',
    ],
    questions: [
      {
        title: 'Un club doit-il fournir un arbitre par équipe {category} engagée ?',
        body: 'Nous engageons {n} équipes et n’avons que deux arbitres. Risque-t-on une amende ?',
      },
      {
        title: 'Comment défrayer un arbitre bénévole qui vient de {town} ?',
        body: 'Les déplacements jusqu’à {town} coûtent cher à nos jeunes arbitres.',
      },
    ],
    answers: [
      'Oui, le règlement prévoit une pénalité financière au-delà d’un an sans arbitre. La ligue accorde un délai si vous avez des candidats en formation.',
      'Les indemnités kilométriques au barème fédéral, versées par le club recevant, sans charges sociales jusqu’au plafond.',
    ],
  },
  jeunes: {
    posts: [
      'Le label « École de sport » a été renouvelé pour {n} clubs cette saison. La liste est sur le site fédéral.',
      'Les championnats {category} reprennent le {weekday} 14. Calendrier disponible dans l’espace compétitions.',
      'Pass’Sport : {amount} € de réduction sur la licence pour les familles éligibles. N’oubliez pas de vous inscrire comme structure partenaire.',
    ],
    questions: [
      {
        title: 'Pass’Sport : comment se faire rembourser les {n} bons de la saison ?',
        body: 'Nous avons accepté {n} Pass’Sport cette saison. Quelle est la démarche ?',
      },
      {
        title: 'Surclassement d’un {category} : qui décide ?',
        body: 'Un jeune très à l’aise voudrait jouer avec les plus grands.',
      },
    ],
    answers: [
      'Le remboursement se fait via le Compte Asso, avec la liste des bénéficiaires, en deux vagues dans la saison.',
      'Le médecin donne un avis, puis la commission jeunes de la ligue valide. Comptez deux semaines.',
    ],
  },
  feminisation: {
    posts: [
      'Le plan fédéral de féminisation fixe un objectif de 40 % de femmes dans les bureaux des clubs d’ici quatre ans.',
      'Créneau {sport} 100 % féminin le {weekday} soir à {town} : {n} pratiquantes dès la première séance !',
      'Appel à candidatures : formation « Dirigeantes » sur trois week-ends, prise en charge par la fédération.',
    ],
    questions: [
      {
        title: 'Comment attirer des femmes au bureau du club de {town} ?',
        body: 'Notre bureau à {town} est entièrement masculin depuis des années.',
      },
      {
        title: 'Un créneau de {sport} réservé aux femmes est-il légal ?',
        body: 'Un adhérent conteste notre créneau féminin du mercredi.',
      },
    ],
    answers: [
      'Proposer des missions précises et limitées dans le temps, et le dire lors de l’assemblée générale : ça a marché chez nous.',
      'Oui, une action de promotion de la pratique féminine est une mesure légale, à condition qu’elle soit justifiée et temporaire.',
    ],
  },
  finances: {
    posts: [
      'Le budget prévisionnel fédéral sera présenté à l’assemblée générale de {month}. Les documents sont en ligne un mois avant.',
      'La part fédérale de la licence reste stable cette saison : aucune hausse n’est répercutée sur les clubs.',
      'Aide exceptionnelle aux clubs sinistrés : {n} dossiers instruits, {amount} € versés au total.',
    ],
    questions: [
      {
        title: 'Quel logiciel de comptabilité pour un club de {n} adhérents ?',
        body: 'Notre trésorier tient tout sur un tableur. Que recommandez-vous ?',
      },
      {
        title: 'Certification des comptes : obligatoire avec {amount} € de subventions ?',
        body: 'Nous recevons environ {amount} € de subventions par an.',
      },
    ],
    answers: [
      'Un tableur bien tenu suffit souvent ; sinon, plusieurs logiciels gratuits pour associations font très bien l’affaire.',
      'Seulement au-delà de 153 000 € de subventions publiques par an.',
    ],
  },
  juridique: {
    posts: [
      'Modèle de statuts mis à jour, conforme aux obligations de parité et au contrat d’engagement républicain.',
      'Rappel : tout changement de bureau doit être déclaré au greffe des associations dans les trois mois.',
      'La commission de discipline a examiné {n} dossiers cette saison, principalement des incidents en tribune.',
    ],
    questions: [
      {
        title: 'Exclure un adhérent à {town} sans passer par l’assemblée générale ?',
        body: 'Un parent a insulté un entraîneur à plusieurs reprises à {town}.',
      },
      {
        title: 'Assemblée générale à distance pour {n} adhérents : est-ce valable ?',
        body: 'Nos statuts ne prévoient rien sur le vote en ligne.',
      },
    ],
    answers: [
      'Tout dépend de vos statuts : la plupart confient l’exclusion au conseil d’administration, après avoir entendu la personne.',
      'Seulement si les statuts ou le règlement intérieur le prévoient. Sinon, modifiez-les lors d’une assemblée en présentiel.',
    ],
  },
  durable: {
    posts: [
      'Défi covoiturage : {n} clubs ont réduit leurs déplacements en voiture individuelle de moitié sur la saison.',
      'Gobelets réutilisables pour vos tournois : la ligue {region} en prête {n} gratuitement.',
      'Guide « Événement sportif écoresponsable » publié : gestion des déchets, restauration locale, transports.',
    ],
    questions: [
      {
        title: 'Comment organiser le covoiturage des familles pour les matchs {category} ?',
        body: 'Nous cherchons un outil simple pour {n} familles.',
      },
      {
        title: 'Des aides pour rénover l’éclairage du terrain de {town} ?',
        body: 'Le terrain de {town} est encore éclairé aux lampes halogènes.',
      },
    ],
    answers: [
      'Un simple tableau partagé par équipe, mis à jour chaque semaine par un parent référent, suffit.',
      'Le département et certains fournisseurs d’énergie financent jusqu’à 50 % des travaux.',
    ],
  },
  reseau: {
    posts: [
      'Réunion des présidents de club de la ligue {region} le {weekday} 20 à {town}. Ordre du jour : calendrier, subventions, formation.',
      'Bienvenue au {club}, nouvelle association affiliée dans notre ligue !',
      'Le comité directeur de la ligue {region} a voté une aide de {amount} € aux clubs qui créent une section jeunes.',
      'Covoiturage pour l’assemblée générale fédérale : départ de {town} à 7 h, il reste 3 places.',
      'Journée des bénévoles de la ligue {region} en {month} : {n} bénévoles mis à l’honneur.',
    ],
    questions: [],
    answers: [],
  },
  projet: {
    posts: [
      'Point d’étape : le devis de l’architecte est arrivé, {amount} € hors taxes. On en parle à la prochaine réunion.',
      'Merci aux {n} bénévoles présents samedi, on a bien avancé !',
      'Le dossier de financement est déposé à la région {region}. Réponse attendue en {month}.',
      'Prochaine réunion du groupe projet le {weekday} à 19 h au club-house.',
      'Les photos de la journée sont dans l’album partagé du club.',
    ],
    questions: [],
    answers: [],
  },
};

export const COMMENTS = [
  'Merci pour le partage !',
  'Très utile, je transmets au bureau.',
  'On a eu exactement le même souci à {town}.',
  'Je te contacte en message privé.',
  'Bravo à toute l’équipe !',
  'Est-ce que le document est disponible quelque part ?',
  'Super initiative, on s’en inspire pour notre club.',
  'Je confirme, ça a très bien marché chez nous.',
  'Quelle est la date limite exacte ?',
  'Je serai présent·e.',
  'Attention, les règles ont changé cette saison.',
  'Merci, c’est plus clair maintenant.',
  'Nous sommes intéressés, inscrivez {club} !',
  'Qui est le contact à la ligue pour ce sujet ?',
  'Excellente nouvelle 👏',
  'Je relaie auprès des parents.',
];

export const MESSAGES = [
  'Bonjour, tu as un moment cette semaine pour parler du tournoi ?',
  'Oui, jeudi soir après l’entraînement, ça te va ?',
  'Parfait, à jeudi.',
  'Tu as reçu le devis pour les maillots ?',
  'Pas encore, je relance le fournisseur demain.',
  'La mairie a confirmé le créneau du samedi 👍',
  'Super nouvelle !',
  'Je t’envoie le dossier de subvention pour relecture.',
  'Bien reçu, je te fais un retour ce soir.',
  'Il manque l’attestation d’assurance, tu peux la retrouver ?',
  'C’est dans le classeur vert au club-house.',
  'Qui s’occupe de la buvette dimanche ?',
  'Je peux le matin, pas l’après-midi.',
  'On fait le point à la réunion de bureau.',
  'Merci pour ton aide, vraiment.',
  'Les inscriptions des jeunes sont complètes.',
  'Tu peux me rappeler ? C’est au sujet du minibus.',
  'J’ai mis à jour le tableau des bénévoles.',
  'Bonne soirée et à samedi !',
  'L’assemblée générale est fixée au 14, je prépare la convocation.',
];
