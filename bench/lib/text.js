'use strict';
// French vocabulary for synthetic content: enough variety for realistic search (many distinct words,
// frequent and rare ones) without pretending to be prose.

const WORDS = `association club licence licences subvention subventions assurance responsabilité bénévole bénévoles
trésorier trésorière président présidente secrétaire assemblée générale budget comptabilité formation formations
arbitre arbitrage entraîneur entraîneuse compétition tournoi championnat saison adhésion cotisation statuts règlement
sécurité médical certificat jeunes vétérans féminines équipe équipes stade gymnase piscine terrain matériel transport
déplacement hébergement partenariat sponsor mairie département région fédération ligue comité commission calendrier
inscription inscriptions résultat résultats classement convention dossier demande aide aides projet projets éducateur
diplôme brevet stage stages école encadrement sport santé handisport accessibilité inclusion jeunesse mixité
environnement développement durable numérique communication réseaux site internet newsletter affiche photos vidéo
presse journal radio partenaire mécénat fiscalité reçu don dons impôt emploi salarié contrat service civique
volontaire mission bilan rapport moral financier exercice comptes compte bancaire banque trésorerie facture devis
achat location minibus vestiaire douches éclairage tribune buvette fête repas soirée loto tombola brocante vide-grenier
gala anniversaire trophée médaille coupe podium record performance entraînement séance échauffement récupération
blessure kinésithérapeute médecin dopage prévention nutrition sommeil préparation physique mentale cohésion
convivialité valeurs respect fair-play éthique discipline sanction appel recours juridique avocat litige contentieux
réclamation sinistre déclaration contrat responsabilité civile garantie franchise indemnisation accident
protocole commotion défibrillateur secourisme premiers secours PSC1 évacuation alerte consignes
ANS PSF Agence nationale sport fonds FDVA CNDS appel projets critères éligibilité pièces justificatives échéance
dépôt instruction versement notification justificatif compte-rendu évaluation indicateurs
printemps été automne hiver janvier février mars avril mai juin juillet septembre octobre novembre décembre
Lyon Marseille Toulouse Nantes Rennes Brest Quimper Lille Strasbourg Bordeaux Montpellier Nice Grenoble Dijon Tours
Orléans Rouen Caen Reims Metz Nancy Limoges Poitiers Clermont-Ferrand Besançon Perpignan Bayonne Pau Ajaccio Bastia`
  .split(/\s+/)
  .filter(Boolean);

const CONNECTORS = ['pour', 'avec', 'sur', 'dans', 'et', 'de', 'du', 'des', 'la', 'le', 'les', 'un', 'une', 'au', 'en'];

/** Question tags (and group topics): what a federation's clubs ask about. */
const TAGS = [
  'subventions',
  'assurance',
  'licences',
  'arbitrage',
  'formation',
  'comptabilité',
  'jeunes',
  'matériel',
  'statuts',
  'santé',
  'communication',
  'emploi',
  'événements',
  'transport',
  'partenariats',
];

const FIRST_NAMES =
  `Camille Léa Manon Chloé Emma Inès Jade Louise Alice Lina Sarah Julie Claire Marie Anne Sophie Nathalie
Isabelle Céline Aurélie Hélène Lucie Mathilde Pauline Élodie Agathe Zoé Margaux Lucas Hugo Louis Jules Gabriel Arthur
Nathan Thomas Théo Paul Antoine Nicolas Julien Pierre Mathieu Olivier Laurent Philippe François Étienne Benoît Yann
Erwan Maxime Romain Karim Mehdi Youssef Samir Moussa Baptiste Quentin Clément Vincent Sébastien`
    .split(/\s+/)
    .filter(Boolean);

const LAST_NAMES =
  `Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia
David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet François Martinez Legrand
Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez
Fontaine Chevalier Robin Masson Sanchez Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Le Gall
Le Goff Kerbrat Morvan Guillou Caradec Santoni Casanova Etchegaray Haddad Benali Diallo Traoré`
    .split(/\s+/)
    .filter(Boolean);

const JOBS = [
  'Président·e de club',
  'Trésorier·e',
  'Secrétaire général·e',
  'Entraîneur·e',
  'Éducateur·rice sportif·ve',
  'Arbitre régional·e',
  'Chargé·e de développement',
  'Responsable communication',
  'Bénévole',
  'Directeur·rice technique',
  'Juriste',
  'Médecin du sport',
  'Chargé·e de mission subventions',
  'Responsable des jeunes',
  'Coordinateur·rice événements',
];

const SKILLS = [
  'comptabilité associative',
  'demandes de subventions',
  'droit du sport',
  'communication',
  'premiers secours',
  'arbitrage',
  'encadrement des jeunes',
  'gestion de projet',
  'partenariats',
  'événementiel',
  'assurances',
  'formation',
  'réseaux sociaux',
  'paie et emploi',
  'handisport',
];

/** A few words of body text (n words), built from the vocabulary with connectors between. */
function sentence(rng, n) {
  const parts = [];
  for (let i = 0; i < n; i++) {
    parts.push(i % 3 === 2 ? CONNECTORS[rng.int(CONNECTORS.length)] : WORDS[rng.skewed(WORDS.length, 1.3)]);
  }
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rng, minWords, maxWords) {
  let remaining = minWords + rng.int(maxWords - minWords + 1);
  const sentences = [];
  while (remaining > 0) {
    const n = Math.min(remaining, 6 + rng.int(10));
    sentences.push(sentence(rng, n));
    remaining -= n;
  }
  return sentences.join(' ');
}

/** The fixed query set of the search benchmark: frequent and rare words, phrases, typos, no accents. */
const SEARCH_QUERIES = [
  'subvention',
  'assurance responsabilité civile',
  'licence jeunes',
  'trésorier budget',
  'tresoriere',
  'assemblée générale',
  'assemblee generale statuts',
  'certificat médical',
  'certificat medicl',
  'arbitrage tournoi',
  'minibus location',
  'défibrillateur',
  'defibrilateur',
  'formation bénévoles',
  'dossier ANS',
  'FDVA',
  'appel à projets',
  'gymnase éclairage',
  'championnat saison',
  'handisport accessibilité',
  'service civique',
  'mécénat reçu fiscal',
  'partenariat mairie',
  'commotion protocole',
  'premiers secours PSC1',
  'Quimper',
  'Clermont-Ferrand',
  'vide-grenier buvette',
  'sponsor maillot',
  'calendrier inscriptions',
  'sinistre déclaration',
  'cotisation adhésion',
  'newsletter réseaux',
  'entraîneur diplôme',
  'entraineur diplome brevet',
  'vétérans féminines',
  'nutrition récupération',
  'contrat salarié',
  'fair-play respect valeurs',
  'Martin',
];

module.exports = { WORDS, TAGS, FIRST_NAMES, LAST_NAMES, JOBS, SKILLS, sentence, paragraph, SEARCH_QUERIES };
