// The Generate module; see STYLE.md for the shape of Åpen.
import ApenCore
