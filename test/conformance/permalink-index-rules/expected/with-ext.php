<p>Permalink with another extension</p>
