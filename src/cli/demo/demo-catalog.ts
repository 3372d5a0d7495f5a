/**
 * The demo federation's fixed cast: regional leagues and their towns, association names, people's
 * names, jobs, skills and interests, and the groups. Fictional, but shaped like a real French
 * multi-sport federation.
 */
export const DEMO_FEDERATION = {
  name: 'Fédération Française de Sport Associatif',
  description:
    'Fédération multisport de clubs associatifs : 13 ligues régionales, des associations dans toute la France, leurs bénévoles et leurs salariés.',
};

/** Demo people log in with this password (printed by `seed:demo`). */
export const DEMO_PASSWORD = 'maillage-demo-2026';
export const DEMO_EMAIL_DOMAIN = 'ffsa-demo.fr';

export interface RegionSpec {
  name: string;
  short: string;
  towns: string[];
}

export const REGIONS: RegionSpec[] = [
  {
    name: 'Ligue Auvergne-Rhône-Alpes',
    short: 'Auvergne-Rhône-Alpes',
    towns: ['Lyon', 'Grenoble', 'Clermont-Ferrand', 'Annecy', 'Saint-Étienne', 'Villeurbanne'],
  },
  {
    name: 'Ligue Bourgogne-Franche-Comté',
    short: 'Bourgogne-Franche-Comté',
    towns: ['Dijon', 'Besançon', 'Auxerre', 'Belfort'],
  },
  {
    name: 'Ligue de Bretagne',
    short: 'Bretagne',
    towns: ['Rennes', 'Brest', 'Quimper', 'Vannes', 'Saint-Malo', 'Lorient'],
  },
  {
    name: 'Ligue Centre-Val de Loire',
    short: 'Centre-Val de Loire',
    towns: ['Tours', 'Orléans', 'Bourges', 'Chartres'],
  },
  { name: 'Ligue de Corse', short: 'Corse', towns: ['Ajaccio', 'Bastia'] },
  {
    name: 'Ligue Grand Est',
    short: 'Grand Est',
    towns: ['Strasbourg', 'Metz', 'Nancy', 'Reims', 'Mulhouse'],
  },
  {
    name: 'Ligue Hauts-de-France',
    short: 'Hauts-de-France',
    towns: ['Lille', 'Amiens', 'Dunkerque', 'Arras', 'Roubaix'],
  },
  {
    name: "Ligue d'Île-de-France",
    short: 'Île-de-France',
    towns: ['Paris 11e', 'Montreuil', 'Versailles', 'Créteil', 'Saint-Denis'],
  },
  {
    name: 'Ligue de Normandie',
    short: 'Normandie',
    towns: ['Rouen', 'Caen', 'Le Havre', 'Cherbourg'],
  },
  {
    name: 'Ligue Nouvelle-Aquitaine',
    short: 'Nouvelle-Aquitaine',
    towns: ['Bordeaux', 'Limoges', 'Poitiers', 'Pau', 'La Rochelle'],
  },
  {
    name: "Ligue d'Occitanie",
    short: 'Occitanie',
    towns: ['Toulouse', 'Montpellier', 'Nîmes', 'Perpignan', 'Albi'],
  },
  {
    name: 'Ligue des Pays de la Loire',
    short: 'Pays de la Loire',
    towns: ['Nantes', 'Angers', 'Le Mans', 'Saint-Nazaire'],
  },
  {
    name: "Ligue Provence-Alpes-Côte d'Azur",
    short: "Provence-Alpes-Côte d'Azur",
    towns: ['Marseille', 'Nice', 'Toulon', 'Avignon', 'Aix-en-Provence'],
  },
];

const CLUB_KINDS = [
  'Union Sportive',
  'Entente Sportive',
  'Amicale Sportive',
  'Cercle Sportif',
  'Club Omnisports',
  'Foyer Rural',
  'Association Sport et Loisirs',
  'Jeunesse Sportive',
  'Avenir Sportif',
  'Étoile Sportive',
];

/** "de Lyon", "d'Annecy", "du Mans", "de La Rochelle". */
export function ofTown(town: string): string {
  if (town.startsWith('Le ')) return `du ${town.slice(3)}`;
  if (/^[AEÉIOUYÎ]/.test(town)) return `d'${town}`;
  return `de ${town}`;
}

export function clubName(index: number, town: string): string {
  return `${CLUB_KINDS[index % CLUB_KINDS.length]} ${ofTown(town)}`;
}

export const WOMEN = [
  'Claire',
  'Sophie',
  'Léa',
  'Camille',
  'Manon',
  'Chloé',
  'Inès',
  'Julie',
  'Nathalie',
  'Isabelle',
  'Céline',
  'Aurélie',
  'Hélène',
  'Lucie',
  'Mathilde',
  'Pauline',
  'Élodie',
  'Agathe',
  'Margaux',
  'Sarah',
  'Anne',
  'Marie',
  'Emma',
  'Louise',
  'Alice',
  'Fatima',
  'Nadia',
  'Amina',
  'Maëlle',
  'Gwenaëlle',
  'Laetitia',
  'Sandrine',
  'Valérie',
  'Émilie',
  'Charlotte',
];
export const MEN = [
  'Julien',
  'Yann',
  'Karim',
  'Thomas',
  'Nicolas',
  'Antoine',
  'Pierre',
  'Mathieu',
  'Olivier',
  'Laurent',
  'Philippe',
  'François',
  'Étienne',
  'Benoît',
  'Erwan',
  'Maxime',
  'Romain',
  'Mehdi',
  'Youssef',
  'Samir',
  'Baptiste',
  'Quentin',
  'Clément',
  'Vincent',
  'Sébastien',
  'Hugo',
  'Louis',
  'Jules',
  'Paul',
  'Arnaud',
  'Loïc',
  'Gaëtan',
  'Moussa',
  'David',
  'Christophe',
];
export const SURNAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Nguyen',
  'Boyer',
  'Lemaire',
  'Duval',
  'Joly',
  'Roche',
  'Le Gall',
  'Le Goff',
  'Kerbrat',
  'Morvan',
  'Guillou',
  'Santoni',
  'Casanova',
  'Etchegaray',
  'Haddad',
  'Benali',
  'Diallo',
  'Traoré',
  'Ferreira',
  'Da Silva',
  'Schmitt',
  'Meyer',
  'Lopez',
  'Marchand',
  'Colin',
];

/** Job titles by role, feminine and masculine. */
export const TITLES = {
  federationPresident: ['Présidente de la fédération', 'Président de la fédération'],
  federationStaff: [
    ['Chargée de mission subventions', 'Chargé de mission subventions'],
    ['Directrice technique nationale', 'Directeur technique national'],
    ['Juriste fédérale', 'Juriste fédéral'],
    ['Responsable de la communication', 'Responsable de la communication'],
    ['Médecin fédérale', 'Médecin fédéral'],
    ['Responsable formation', 'Responsable formation'],
  ],
  regionPresident: ['Présidente de ligue', 'Président de ligue'],
  regionStaff: ['Secrétaire générale de ligue', 'Secrétaire général de ligue'],
  clubPresident: ['Présidente de club', 'Président de club'],
  clubTreasurer: ['Trésorière', 'Trésorier'],
  clubMembers: [
    ['Secrétaire', 'Secrétaire'],
    ['Entraîneuse', 'Entraîneur'],
    ['Éducatrice sportive', 'Éducateur sportif'],
    ['Bénévole', 'Bénévole'],
    ['Arbitre régionale', 'Arbitre régional'],
    ['Responsable des jeunes', 'Responsable des jeunes'],
    ['Chargée de communication', 'Chargé de communication'],
    ['Responsable matériel', 'Responsable matériel'],
  ],
} as const;

export const SKILLS = [
  'Comptabilité associative',
  'Demandes de subventions',
  'Droit du sport',
  'Communication',
  'Premiers secours (PSC1)',
  'Arbitrage',
  'Encadrement des jeunes',
  'Gestion de projet',
  'Partenariats et mécénat',
  'Organisation d’événements',
  'Assurances',
  'Formation de formateurs',
  'Réseaux sociaux',
  'Paie et emploi associatif',
  'Sport adapté',
  'Sport santé',
  'Graphisme',
  'Logistique',
];

export const INTERESTS = [
  'Basket',
  'Handball',
  'Volley',
  'Athlétisme',
  'Natation',
  'Judo',
  'Tennis de table',
  'Badminton',
  'Cyclisme',
  'Randonnée',
  'Escalade',
  'Football',
  'Rugby',
  'Gym',
  'Course d’orientation',
  'Sport et inclusion',
  'Transition écologique',
  'Éducation populaire',
];

/** Group topics: each drives the vocabulary of its posts and questions (demo-content.ts). */
export type Topic =
  | 'subventions'
  | 'assurances'
  | 'formation'
  | 'emploi'
  | 'communication'
  | 'sante'
  | 'handisport'
  | 'equipements'
  | 'evenements'
  | 'arbitrage'
  | 'jeunes'
  | 'feminisation'
  | 'finances'
  | 'juridique'
  | 'durable'
  | 'reseau'
  | 'projet';

export interface TopicGroupSpec {
  name: string;
  topic: Topic;
  description: string;
  topics: string[];
}

export const TOPIC_GROUPS: TopicGroupSpec[] = [
  {
    name: 'Subventions nationales',
    topic: 'subventions',
    description: 'ANS, FDVA, appels à projets : calendriers, dossiers qui ont marché, pièces justificatives.',
    topics: ['subventions', 'ANS', 'FDVA'],
  },
  {
    name: 'Assurances et responsabilité',
    topic: 'assurances',
    description: 'Contrats fédéraux, déclarations de sinistre, responsabilité des dirigeants et des bénévoles.',
    topics: ['assurance', 'responsabilité civile'],
  },
  {
    name: 'Formation des bénévoles',
    topic: 'formation',
    description: 'Stages, diplômes fédéraux, formations de dirigeants : les dates et les retours.',
    topics: ['formation', 'bénévolat'],
  },
  {
    name: 'Emploi et fiscalité associative',
    topic: 'emploi',
    description: 'Embaucher, le service civique, la paie, les reçus fiscaux et la TVA des associations.',
    topics: ['emploi', 'fiscalité'],
  },
  {
    name: 'Communication et réseaux sociaux',
    topic: 'communication',
    description: 'Affiches, sites, réseaux sociaux, relations presse : partager ce qui marche.',
    topics: ['communication', 'réseaux sociaux'],
  },
  {
    name: 'Sport santé et prévention',
    topic: 'sante',
    description: 'Sport sur ordonnance, certificats médicaux, prévention des commotions, défibrillateurs.',
    topics: ['santé', 'prévention'],
  },
  {
    name: 'Accessibilité et handisport',
    topic: 'handisport',
    description: 'Accueillir les personnes en situation de handicap : matériel, encadrement, financements.',
    topics: ['handisport', 'inclusion'],
  },
  {
    name: 'Équipements et matériel',
    topic: 'equipements',
    description: 'Gymnases, créneaux, minibus, achats groupés : entraide entre clubs.',
    topics: ['équipements', 'matériel'],
  },
  {
    name: 'Organisation d’événements',
    topic: 'evenements',
    description: 'Tournois, fêtes de club, lotos et buvettes : autorisations, logistique, bénévoles.',
    topics: ['événements', 'tournois'],
  },
  {
    name: 'Arbitrage et officiels',
    topic: 'arbitrage',
    description: 'Recrutement, formation et fidélisation des arbitres et des officiels.',
    topics: ['arbitrage', 'officiels'],
  },
];

export interface CommissionSpec {
  name: string;
  topic: Topic;
  description: string;
}

/** Each commission has a private working group and a public group open to every member. */
export const COMMISSIONS: CommissionSpec[] = [
  {
    name: 'Commission médicale',
    topic: 'sante',
    description: 'Suivi médical, certificats, prévention et lutte contre le dopage.',
  },
  {
    name: 'Commission jeunes',
    topic: 'jeunes',
    description: 'Écoles de sport, compétitions jeunes, label club formateur.',
  },
  {
    name: 'Commission féminisation',
    topic: 'feminisation',
    description: 'Plus de pratiquantes, de dirigeantes, d’arbitres et d’entraîneuses.',
  },
  { name: 'Commission finances', topic: 'finances', description: 'Budget fédéral, cotisations, aides aux clubs.' },
  {
    name: 'Commission juridique et discipline',
    topic: 'juridique',
    description: 'Statuts, règlements, litiges et procédures disciplinaires.',
  },
  {
    name: 'Commission développement durable',
    topic: 'durable',
    description: 'Déplacements, équipements sobres, événements écoresponsables.',
  },
];

/** Projects of a few associations (index into the association list, name of the project). */
export const PROJECTS: { town: string; name: string; visibility: 'PUBLIC' | 'PRIVATE' }[] = [
  { town: 'Quimper', name: 'Projet : nouveau gymnase à Quimper', visibility: 'PUBLIC' },
  { town: 'Lyon', name: 'Tournoi des jeunes 2026 — Lyon', visibility: 'PUBLIC' },
  { town: 'Rennes', name: 'Rénovation du club-house — Rennes', visibility: 'PRIVATE' },
  { town: 'Nantes', name: 'Section sport adapté — Nantes', visibility: 'PUBLIC' },
  { town: 'Toulouse', name: 'Fête du club — Toulouse', visibility: 'PUBLIC' },
  { town: 'Brest', name: 'Achat d’un minibus — Brest', visibility: 'PRIVATE' },
];
