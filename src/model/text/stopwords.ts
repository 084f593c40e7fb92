/**
 * English function words that say nothing about what an article is about.
 * Apostrophes are dropped ("don't" is listed as "dont") because the tokeniser removes them before
 * looking words up here. Contractions that would collide with real words once the apostrophe is
 * gone ("ill", "shed", "wed", ...) are left out on purpose.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
  "arent", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
  "by", "can", "cannot", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing",
  "dont", "down", "during", "each", "etc", "even", "ever", "every", "few", "for", "from", "further",
  "get", "got", "had", "hadnt", "has", "hasnt", "have", "havent", "having", "he", "hed", "her",
  "here", "heres", "hers", "herself", "hes", "him", "himself", "his", "how", "hows", "however", "i",
  "id", "if", "im", "in", "into", "is", "isnt", "it", "its", "itself", "ive", "just", "let",
  "lets", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must",
  "mustnt", "my", "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
  "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "per", "said", "same",
  "say", "says", "shall", "shant", "she", "shes", "should", "shouldnt", "since", "so",
  "some", "still", "such", "than", "that", "thats", "the", "their", "theirs", "them", "themselves",
  "then", "there", "theres", "these", "they", "theyd", "theyll", "theyre", "theyve", "this", "those",
  "though", "through", "to", "too", "two", "under", "until", "up", "upon", "us", "use", "used",
  "very", "via", "was", "wasnt", "we", "well", "were", "werent", "weve", "what", "whats",
  "when", "whens", "where", "wheres", "whether", "which", "while", "who", "whom", "whos", "why",
  "whys", "will", "with", "within", "without", "wont", "would", "wouldnt", "yet", "you", "youd",
  "youll", "your", "youre", "yours", "yourself", "yourselves", "youve",
]);
