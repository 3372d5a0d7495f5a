import type { Topic } from './demo-catalog';

/**
 * What people write in each kind of group. Slots in braces are filled by demo-content.ts:
 * {town} {club} {region} {month} {amount} {n} {category} {sport} {weekday}.
 */
export interface TopicTexts {
  posts: string[];
  questions: { title: string; body: string }[];
  answers: string[];
}

export const TOPIC_TEXTS: Partial<Record<Topic, TopicTexts>> = {
  subventions: {
    posts: [
      'La campagne ANS Projets sportifs fédéraux est ouverte jusqu’au 15 {month}. Pensez à créer votre compte Asso bien avant la date limite : la validation du RNA prend parfois une semaine.',
      'Retour d’expérience : notre dossier FDVA fonctionnement a été retenu cette année ({amount} €). Ce qui a fait la différence, c’est le bilan chiffré du bénévolat. Je peux partager notre tableau.',
      'Webinaire de la fédération {weekday} à 18 h 30 : « Monter un dossier ANS en 10 étapes ». Le lien est dans l’agenda fédéral, la replay sera disponible.',
      'Attention, le compte-rendu financier de la subvention de l’an dernier doit être déposé avant toute nouvelle demande. Plusieurs clubs se sont fait bloquer en {month}.',
      'Nous avons obtenu {amount} € de la région {region} pour l’achat de matériel adapté. Le dossier tenait en 6 pages, je le mets à disposition de ceux qui veulent s’en inspirer.',
      'Rappel : les subventions de fonctionnement de la mairie de {town} se demandent désormais en ligne, avec le dernier procès-verbal d’assemblée générale.',
      'Quelqu’un a-t-il déjà utilisé le fonds « Impact 2024 » pour un projet d’inclusion ? Nous hésitons à le solliciter pour notre section {sport}.',
      'Petit guide maison des pièces justificatives (statuts, RIB, budget prévisionnel, attestation sur l’honneur) : n’attendez pas la dernière semaine pour les rassembler.',
    ],
    questions: [
      {
        title: 'ANS : peut-on déposer deux actions pour le même public {category} ?',
        body: 'Nous voulons financer une école de {sport} et un stage d’été pour les {category}. Est-ce que l’instructeur risque de considérer que c’est la même action ?',
      },
      {
        title: 'FDVA fonctionnement : quel budget prévisionnel pour un club de {n} adhérents ?',
        body: 'Nous sommes {n} adhérents à {town}, sans salarié. Faut-il présenter le budget de toute l’association ou seulement celui de l’action ?',
      },
      {
        title: 'Subvention municipale refusée à {town} : quels recours ?',
        body: 'La mairie nous a répondu que le dossier était incomplet alors que tout était déposé. Avez-vous déjà contesté une décision de ce type ?',
      },
      {
        title: 'Comment justifier une subvention ANS versée en retard, en {month} ?',
        body: 'L’argent est arrivé en {month}, après la fin de l’action. Le compte-rendu doit-il quand même décrire l’action prévue au dossier ?',
      },
      {
        title: 'Cofinancement ANS pour la section {sport} : quel autofinancement minimal ?',
        body: 'On nous parle de 20 % d’autofinancement, mais je ne le trouve écrit nulle part dans la note de cadrage.',
      },
      {
        title: 'Valoriser {n} heures de bénévolat dans un budget de subvention : quel taux horaire ?',
        body: 'Le CERFA demande de valoriser les contributions volontaires. Quel taux horaire utilisez-vous pour les {n} heures de nos bénévoles ?',
      },
    ],
    answers: [
      'Oui, à condition que les objectifs soient distincts. Nous avons eu deux actions acceptées l’an dernier : l’une pour la pratique régulière, l’autre pour l’accueil de nouveaux publics.',
      'Présentez le budget de l’action, et joignez le budget global de l’association en annexe. C’est ce que notre délégué départemental nous a conseillé.',
      'Le SMIC horaire brut est la référence la plus courante. Au-delà, il faut pouvoir justifier la qualification du bénévole.',
      'Il n’y a pas de minimum écrit, mais un projet financé à 100 % par l’ANS est rarement retenu. Visez au moins 20 % d’autres financements, même en nature.',
      'Le compte-rendu décrit ce qui a été réellement fait. Expliquez le décalage et, si besoin, demandez un report de l’action par écrit.',
      'Commencez par un recours gracieux auprès du maire, avec l’accusé de dépôt du dossier. Cela a suffi pour nous à {town}.',
      'La fédération peut relire vos dossiers jusqu’à dix jours avant la date limite : écrivez au service subventions.',
    ],
  },
  assurances: {
    posts: [
      'Nouveau contrat fédéral au 1er septembre : la garantie individuelle accident des bénévoles est étendue aux trajets. Le tableau des garanties est dans l’espace documents.',
      'Sinistre au gymnase de {town} (dégât des eaux dans le local matériel) : la déclaration doit partir sous 5 jours ouvrés. Pensez aux photos et aux factures.',
      'Rappel : les manifestations ouvertes au public (lotos, vide-greniers) doivent être déclarées à l’assureur au moins 15 jours avant.',
      'Un adhérent blessé pendant un entraînement de {sport} : la licence couvre les frais médicaux restant à charge, mais pas la perte de revenus sans option complémentaire.',
      'Webinaire « Responsabilité des dirigeants bénévoles » le {weekday} soir avec la juriste fédérale. Questions à envoyer à l’avance dans ce groupe.',
      'Le prêt du minibus à un autre club n’est couvert que si le conducteur est licencié chez nous. Nous l’avons appris à nos dépens.',
    ],
    questions: [
      {
        title: 'Un bénévole non licencié est-il couvert pendant le tournoi {category} ?',
        body: 'Des parents tiennent la buvette et l’accueil lors de notre tournoi à {town}. Faut-il leur faire prendre une licence ou une assurance à la journée ?',
      },
      {
        title: 'Qui paie la franchise après un accident de minibus du club ?',
        body: 'Le minibus a été accroché sur le parking lors d’un déplacement. L’assureur applique une franchise de {amount} €. Le conducteur bénévole doit-il la payer ?',
      },
      {
        title: 'Responsabilité civile du président en cas de blessure d’un mineur',
        body: 'Un enfant de la section {category} s’est blessé sur un équipement défectueux. Ma responsabilité personnelle peut-elle être engagée ?',
      },
      {
        title: 'Faut-il une assurance spécifique pour un stage {category} à l’étranger ?',
        body: 'Nous emmenons {n} jeunes en Espagne en juillet. La licence fédérale les couvre-t-elle hors de France ?',
      },
      {
        title: 'Vol de matériel à {town} : quel délai pour déclarer, et à qui ?',
        body: 'Vol de matériel dans notre local à {town}. Faut-il passer par la fédération ou directement par l’assureur ?',
      },
    ],
    answers: [
      'Le contrat fédéral couvre les bénévoles occasionnels s’ils sont inscrits sur la liste de l’organisation remise avant l’événement. Pas besoin de licence.',
      'La franchise reste à la charge de l’association, sauf faute lourde du conducteur. Le bureau peut décider de la prendre en charge.',
      'Votre responsabilité personnelle n’est engagée qu’en cas de faute détachable de vos fonctions. Dans les autres cas, c’est la responsabilité civile de l’association qui joue.',
      'La licence couvre l’Union européenne pour les stages déclarés. Faites la déclaration de déplacement un mois avant.',
      'Directement auprès de l’assureur, sous 5 jours ouvrés (2 jours pour un vol, avec le dépôt de plainte). Mettez la ligue en copie.',
      'Nous avons eu le cas l’an dernier : l’assureur a pris en charge, mais seulement parce que l’inventaire du matériel était à jour.',
    ],
  },
  formation: {
    posts: [
      'Les inscriptions au brevet fédéral d’animateur {sport} ouvrent le 1er {month}. Session de printemps à {town}, 4 week-ends.',
      'Formation « Premiers secours PSC1 » pour les bénévoles : 12 places le {weekday} 14 à {town}, prise en charge par la ligue {region}.',
      'Retour sur la formation des dirigeants à {town} : {n} participants, beaucoup de questions sur la comptabilité et la responsabilité. Les supports sont en ligne.',
      'Nous cherchons un formateur pour une soirée « Accueillir un public en situation de handicap » dans notre club. Des contacts ?',
      'Le CPF peut financer certains diplômes d’encadrement : à vérifier pour vos éducateurs salariés.',
      'Module en ligne « Gérer une association » : 6 vidéos de 15 minutes, gratuit pour les licenciés.',
    ],
    questions: [
      {
        title: 'Le brevet fédéral de {sport} permet-il d’encadrer contre rémunération ?',
        body: 'Un de nos entraîneurs {category} voudrait être défrayé davantage. Son brevet fédéral suffit-il ?',
      },
      {
        title: 'Comment financer la formation d’un éducateur salarié à {town} ?',
        body: 'Nous avons un salarié à mi-temps à {town}. Quelles sont les aides possibles pour un diplôme d’État ?',
      },
      {
        title: 'PSC1 passé il y a {n} ans : faut-il le renouveler ?',
        body: 'Plusieurs bénévoles ont passé le PSC1 il y a {n} ans. Est-il toujours valable pour tenir le poste de secours du tournoi ?',
      },
      {
        title: 'Former les jeunes arbitres : à partir de quel âge ?',
        body: 'Des {category} veulent arbitrer les plus petits. Y a-t-il un âge minimum pour la formation fédérale ?',
      },
    ],
    answers: [
      'Non : le brevet fédéral est bénévole. Pour être rémunéré, il faut une carte professionnelle, donc un diplôme inscrit au RNCP.',
      'Regardez du côté de votre OPCO (l’AFDAS pour le sport) : le plan de développement des compétences prend en charge une bonne partie.',
      'Le PSC1 n’expire pas officiellement, mais un recyclage tous les 2 à 3 ans est fortement conseillé. La ligue en organise chaque trimestre.',
      'La formation d’arbitre jeune commence à 13 ans chez nous, avec un tuteur adulte présent à chaque match.',
      'Nous avons fait financer un DEJEPS par l’AFDAS et la région : comptez six mois de démarches.',
    ],
  },
  emploi: {
    posts: [
      'Nous venons d’accueillir une volontaire en service civique pour 8 mois, sur le développement de la pratique féminine. Très belle expérience pour le club.',
      'Impact Emploi, le service de l’URSSAF, gère les bulletins de paie des petites associations. Indispensable quand on a un seul salarié.',
      'Offre d’emploi : le club de {town} recrute un éducateur {sport} à 24 h par semaine, CDI, convention collective du sport.',
      'Les reçus fiscaux pour les dons doivent être émis au nom de l’association, avec le numéro d’ordre. Modèle disponible dans l’espace documents.',
      'Rappel : la franchise des impôts commerciaux est de 78 596 € de recettes lucratives par an pour une association.',
    ],
    questions: [
      {
        title: 'Rembourser les frais kilométriques d’un bénévole de {town} sans justificatif ?',
        body: 'Notre trésorier refuse de rembourser sans carte grise. Quelles pièces faut-il vraiment ?',
      },
      {
        title: 'Service civique : qui paie l’indemnité complémentaire de {amount} € ?',
        body: 'On nous parle de {amount} € par mois à verser par l’association. Est-ce obligatoire ?',
      },
      {
        title: 'Notre buvette nous fait-elle perdre le caractère non lucratif ?',
        body: 'La buvette de {town} rapporte environ {amount} € par an. Faut-il s’inquiéter pour la TVA ?',
      },
      {
        title: 'Un bénévole peut-il devenir salarié de l’association à {n} h par semaine ?',
        body: 'Notre secrétaire bénévole pourrait être embauchée à 10 h par semaine. Y a-t-il des précautions à prendre ?',
      },
    ],
    answers: [
      'La carte grise et un état des trajets (date, motif, kilomètres) suffisent. Appliquez le barème fiscal en vigueur.',
      'Oui, la prestation complémentaire (en nature ou en espèces) est obligatoire, l’État verse le reste.',
      'Tant que les recettes lucratives restent sous la franchise, pas d’impôts commerciaux. Tenez une comptabilité séparée de la buvette.',
      'C’est possible, mais la fiche de poste doit être distincte de ses missions bénévoles, et elle ne doit pas siéger au bureau.',
    ],
  },
  communication: {
    posts: [
      'Notre affiche de rentrée a fait 3 000 vues sur Instagram : une photo de l’équipe {category}, une date, un QR code. Rien de plus.',
      'Kit de communication fédéral mis à jour : logos, gabarits de publications, charte graphique. Utilisez-le pour vos tournois !',
      'La presse locale de {town} a couvert notre journée portes ouvertes. Le secret : un communiqué envoyé 10 jours avant, avec une photo libre de droits.',
      'Quelqu’un utilise un outil pour programmer les publications sur plusieurs réseaux ? Nous perdons beaucoup de temps chaque semaine.',
      'Droit à l’image : pensez à faire signer l’autorisation parentale pour chaque mineur en début de saison.',
    ],
    questions: [
      {
        title: 'Faut-il une autorisation pour publier les résultats des {category} ?',
        body: 'Les noms et les classements des jeunes peuvent-ils être publiés sur le site du club ?',
      },
      {
        title: 'Site internet du club de {town} : quelle solution simple et gratuite ?',
        body: 'Notre site date de {n} ans et plus personne ne sait le mettre à jour. Que recommandez-vous ?',
      },
      {
        title: 'Recruter des bénévoles sur les réseaux sociaux pour le tournoi de {town} ?',
        body: 'Nous manquons de bras pour le tournoi de {town}. Vos publications qui ont marché ?',
      },
    ],
    answers: [
      'Pour les mineurs, l’autorisation des parents est nécessaire dès qu’on publie le nom avec la photo. Les résultats sans photo posent moins de problèmes.',
      'La fédération propose un site clé en main pour les clubs, gratuit pour les associations affiliées.',
      'Une publication avec des missions précises (« 2 heures à la buvette samedi ») marche bien mieux qu’un appel général.',
      'Nous utilisons un simple formulaire en ligne relayé par les parents : 25 inscrits en une semaine.',
    ],
  },
  sante: {
    posts: [
      'Rappel : pour les mineurs, le certificat médical est remplacé par un questionnaire de santé rempli avec les parents.',
      'Protocole commotion : tout joueur suspect de commotion sort et ne revient pas sur le terrain le jour même. Affiche à télécharger pour vos vestiaires.',
      'Le défibrillateur du gymnase de {town} a été utilisé avec succès le mois dernier. Vérifiez l’emplacement et l’état des vôtres.',
      'Sport sur ordonnance : notre section {sport} santé accueille {n} personnes orientées par leur médecin. Retour très positif.',
      'Semaine de prévention du dopage : des supports adaptés aux {category} sont disponibles auprès de la commission médicale.',
    ],
    questions: [
      {
        title: 'Certificat médical : quelles règles pour les adultes en {sport} ?',
        body: 'Un nouvel adhérent de {n} ans a un certificat de l’an dernier. Est-il encore valable ?',
      },
      {
        title: 'Qui doit vérifier le défibrillateur du gymnase de {town} ?',
        body: 'Le gymnase appartient à la mairie de {town} mais nous sommes le seul club à l’utiliser le soir.',
      },
      {
        title: 'Que faire après une suspicion de commotion chez un {category} ?',
        body: 'Le joueur va bien le lendemain. Peut-il reprendre l’entraînement dans la semaine ?',
      },
    ],
    answers: [
      'Pour les majeurs, le certificat est valable trois ans si le questionnaire de santé est négatif chaque année.',
      'C’est le propriétaire, donc la mairie, qui doit assurer la maintenance. Signalez-lui tout problème par écrit.',
      'Non : reprise progressive et seulement après avis médical. Le protocole fédéral prévoit au moins 7 jours sans contact pour les jeunes.',
      'La commission médicale peut vous envoyer le protocole détaillé et une fiche à remettre aux parents.',
    ],
  },
};
