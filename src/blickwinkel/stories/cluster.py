def cluster_articles(docs):  # temporary
    raise NotImplementedError
