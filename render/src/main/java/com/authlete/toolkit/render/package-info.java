/**
 * Output formats for JSON documents and streams of them. Nothing here knows about Authlete: another tool can
 * depend on this module alone.
 */
package com.authlete.toolkit.render;
