/**
 * Hostile text: {@link org.entente.core.text.ControlCharacters} finds control and bidirectional
 * characters that new text may not hold ({@link org.entente.core.text.ControlCharacterException}),
 * and {@link org.entente.core.text.TerminalText} escapes stored text before it is printed.
 */
package org.entente.core.text;
