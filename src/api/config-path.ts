/** Where the configuration lives in a repository: read by the CLI, the App, and the structure rule (always allowed). */
export const CONFIG_PATH = '.github/iac-review.yml';
